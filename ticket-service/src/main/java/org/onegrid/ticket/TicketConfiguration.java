package org.onegrid.ticket;

import java.time.ZoneId;
import java.util.List;

import org.onegrid.platform.kafka.outbox.OutboxCollections;
import org.onegrid.ticket.domain.GridLocator;
import org.onegrid.ticket.domain.TicketPolicy;
import org.onegrid.ticket.domain.WorkingDuration;
import org.onegrid.ticket.domain.WorkingCalendar;
import org.onegrid.ticket.intake.partner.PartnerInbox;
import org.onegrid.ticket.store.CalendarFiles;
import org.onegrid.ticket.store.TicketStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The working calendar, the loop's policy and the outbox collections, from configuration. */
@Configuration
@EnableScheduling
public class TicketConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(TicketStore.COLLECTION, PartnerInbox.COLLECTION);
    }

    @Bean
    WorkingCalendar workingCalendar(@Value("${onegrid.ticket.calendar.zone:Asia/Shanghai}") String zone,
                                    @Value("${onegrid.ticket.calendar.periods:08:30-12:00,14:30-18:00}") List<String> periods,
                                    @Value("${onegrid.ticket.calendar.files:calendar/cn-2026.txt,calendar/cn-2027.txt}") List<String> files) {
        return new WorkingCalendar(ZoneId.of(zone), periods.stream().map(WorkingCalendar.Period::parse).toList(),
                CalendarFiles.load(files));
    }

    @Bean
    TicketPolicy ticketPolicy(WorkingCalendar calendar,
                              @Value("${onegrid.ticket.warn-fraction:0.8}") double warnFraction,
                              @Value("${onegrid.ticket.max-reopenings:2}") int maxReopenings,
                              @Value("${onegrid.ticket.rating-window:3d}") String ratingWindow) {
        // Level 1 = district command centre, level 2 = city (市级督办).
        return new TicketPolicy(calendar, warnFraction, maxReopenings, 2, WorkingDuration.parse(ratingWindow));
    }

    @Bean
    GridLocator gridLocator(@Value("${onegrid.ticket.locate.max-centroid-distance-m:3000}") double maxDistance) {
        return new GridLocator(maxDistance);
    }
}
