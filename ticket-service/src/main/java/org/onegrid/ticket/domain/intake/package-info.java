/** Rules of the intake channels in plain Java: request signatures, repeat callers, callback retry timing. */
package org.onegrid.ticket.domain.intake;
