/** The rules of this service in plain Java: no Spring, Kafka or Mongo (checked by ArchitectureTest). */
package org.onegrid.center.domain;
