package org.onegrid.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a payload record component that producers may leave null (a ticket not yet classified has no department, a
 * talent outside the high-level category has no class). Every other component is required: a consumed payload
 * missing it (absent or null, also inside nested records) is invalid and goes to the DLT instead of being half
 * applied — e.g. a known type with an empty payload. Adding a field to an existing version therefore means adding
 * it as optional; making a field required is a breaking change (a new version).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalField {
}
