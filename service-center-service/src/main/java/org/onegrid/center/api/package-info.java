/** HTTP: controllers, request/response records, mapping of domain errors to problem+json. */
package org.onegrid.center.api;
