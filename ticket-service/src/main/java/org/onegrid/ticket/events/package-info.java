/** Kafka in and out: listeners (through the EventInbox) and the events this service writes to its outbox. */
package org.onegrid.ticket.events;
