package org.onegrid.analytics.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onegrid.analytics.TicketStory;
import org.onegrid.analytics.store.ActivityEventStore;
import org.onegrid.analytics.store.TicketViewStore;
import org.onegrid.analytics.store.ViewGenerations;
import org.onegrid.events.EventCodec;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.Topics;
import org.onegrid.platform.kafka.EventHeaders;
import org.onegrid.testing.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A rebuild whose window is smaller than a ticket's life on the topic: tickets leave the window with some of their
 * events written, come back with the rest (their records read and written again), and the rebuilt records still equal
 * the live ones.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mongodb.database=it-analytics", "onegrid.analytics.metrics-refresh=500ms"})
class RebuildWindowIT {

    private static final Instant MORNING = Instant.parse("2026-10-01T01:00:00Z");

    @Autowired
    KafkaTemplate<String, String> template;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    TicketViewUpdater tickets;
    @Autowired
    ActivityEventUpdater activities;
    @Autowired
    TicketViewStore store;
    @Autowired
    ActivityEventStore activityStore;
    @Autowired
    ViewGenerations generations;
    @Autowired
    ReplayHorizon horizon;

    @Test
    void aTicketThatLeavesTheWindowAndComesBackIsStillCountedExactly() throws Exception {
        String district = "W" + UUID.randomUUID().toString().substring(0, 6);
        List<TicketStory> stories = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TicketStory story = TicketStory.reported(district, "sanitation", MORNING.plusSeconds(60L * i)).accepted()
                    .dispatched();
            if (i % 2 == 0) {
                story.resolved(i % 4 == 0, 3.0).rated("SATISFIED");
            }
            stories.add(story);
        }
        // Step by step across the tickets: ten tickets' first events, then their second ones, and so on. Between two
        // events of one ticket come those of the nine others, more than the window of three holds.
        int longest = stories.stream().mapToInt(s -> s.events().size()).max().orElseThrow();
        for (int step = 0; step < longest; step++) {
            for (TicketStory story : stories) {
                if (step < story.events().size()) {
                    publish(story.events().get(step));
                }
            }
        }
        int live = generations.current().active();
        Awaitility.await("every event applied live").atMost(Duration.ofSeconds(30)).until(() -> ours(live, stories)
                .stream().mapToInt(d -> d.getList("events", Document.class).size()).sum() == published(stories));
        // Only these tickets are compared: other tests' events may still be on their way to the live views.
        List<Document> incremental = ours(live, stories);

        ViewRebuilder smallWindow = new ViewRebuilder(consumers, tickets, activities, store, activityStore,
                generations, horizon, Clock.systemUTC(), 2, 3);
        assertThat(smallWindow.start()).as("no other rebuild running").isNotNull();
        Awaitility.await("the rebuild done").atMost(Duration.ofSeconds(60))
                .until(() -> !smallWindow.progress().state().equals("RUNNING"));

        assertThat(smallWindow.progress().state()).isEqualTo("DONE");
        int rebuilt = generations.current().active();
        assertThat(rebuilt).isNotEqualTo(live);
        assertThat(ours(rebuilt, stories)).hasSize(stories.size()).isEqualTo(incremental);
    }

    private List<Document> ours(int generation, List<TicketStory> stories) {
        Set<String> ids = stories.stream().map(TicketStory::ticketId).collect(Collectors.toSet());
        return store.dump(generation).stream().filter(d -> ids.contains(d.getString("_id"))).toList();
    }

    private static int published(List<TicketStory> stories) {
        return stories.stream().mapToInt(s -> s.events().size()).sum();
    }

    private void publish(EventEnvelope e) throws Exception {
        var record = new ProducerRecord<>(Topics.TICKET, e.subject(), EventCodec.encode(e));
        EventHeaders.write(e, record.headers());
        template.send(record).get();
    }
}
