package org.onegrid.ticket.it;

import java.util.HashSet;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.onegrid.ticket.SanyaDemoData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack's demo day: tickets in every district and state, created once however often it loads. */
class DemoDataTest extends IntegrationTestBase {

    @Autowired
    SanyaDemoData demo;
    @Autowired
    MongoDatabase database;

    @Test
    void loadsADayOfTicketsAcrossDistrictsAndStatesOnce() {
        var counts = demo.load(database);
        assertThat(counts.get("grids")).isGreaterThanOrEqualTo(33);
        var demoTickets = database.getCollection("tickets").find(Filters.regex("clientRequestId", "^demo-"))
                .into(new java.util.ArrayList<Document>());
        assertThat(demoTickets).hasSize(22);
        Set<String> districts = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        demoTickets.forEach(t -> {
            districts.add(t.getString("districtCode"));
            statuses.add(t.getString("status"));
        });
        assertThat(districts).containsExactlyInAnyOrder("HT", "JY", "TY", "YZ", "YC");
        assertThat(statuses).contains("REPORTED", "ACCEPTED", "DISPATCHED", "IN_PROGRESS", "RESOLVED", "REPLIED",
                "CLOSED", "RETURNED", "REOPENED");

        demo.load(database);
        assertThat(database.getCollection("tickets").countDocuments(Filters.regex("clientRequestId", "^demo-")))
                .isEqualTo(22);
    }
}
