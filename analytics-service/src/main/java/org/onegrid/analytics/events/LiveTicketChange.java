package org.onegrid.analytics.events;

import org.apache.kafka.common.TopicPartition;
import org.onegrid.analytics.domain.TicketChange;

/** A ticket change from the live consumer, with where its record is (see {@link ReplayHorizon}). */
record LiveTicketChange(TicketChange change, TopicPartition partition, long offset) {
}
