package org.onegrid.ticket.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.onegrid.embedded.MongoWireServer;
import org.onegrid.ticket.domain.TicketStatus;
import org.onegrid.ticket.store.Page;
import org.onegrid.ticket.store.TicketStore;

/**
 * Not a test: the filtered ticket list over N tickets (default 1,000,000) on the embedded Mongo-wire server, as the
 * benchmark and the local stack run it. Run by hand: {@code java -cp … TicketListBenchmark [tickets]}. The documents
 * are copies of a stored ticket's shape with varied district, department, community, category, status and dates.
 */
public final class TicketListBenchmark {

    private TicketListBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (MongoWireServer mongo = MongoWireServer.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("bench-tickets");
            TicketStore store = new TicketStore(db);
            MongoCollection<Document> tickets = db.getCollection(TicketStore.COLLECTION);
            String[] districts = {"HT", "JY", "TY", "YZ", "YC"};
            String[] departments = {"HW", "JT", "ZJ", "SW", "JY", "WJ"};
            String[] categories = {"sanitation", "roads", "noise", "water", "housing", "education"};
            TicketStatus[] statuses = TicketStatus.values();
            Instant start = Instant.parse("2025-11-01T00:00:00Z");
            long t0 = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String d = districts[i % 5];
                Instant reported = start.plusSeconds(i * 31L);
                batch.add(new Document("_id", "t-" + i).append("ticketNo", d + "-" + i)
                        .append("requestKey", "r-" + i).append("sourceKey", "s-" + i)
                        .append("channel", i % 3 == 0 ? "HOTLINE_12345" : "GRID_APP")
                        .append("districtCode", d).append("communityCode", d + "-C" + (i / 5 % 40))
                        .append("gridCode", d + "-C" + (i / 5 % 40) + "-" + (i / 200 % 10))
                        .append("categoryCode", categories[i / 7 % 6]).append("departmentCode", departments[i / 7 % 6])
                        .append("status", statuses[i / 3 % statuses.length].name()).append("escalationLevel", i % 4 == 0 ? 1 : 0)
                        .append("reportedAt", java.util.Date.from(reported))
                        .append("updatedAt", java.util.Date.from(reported.plus(Duration.ofHours(5))))
                        .append("solution", new Document("kind", "SOLUTION").append("startAt", java.util.Date.from(reported)).append("dueAt", java.util.Date.from(reported.plus(Duration.ofDays(3)))))
                        .append("title", "垃圾桶满溢 " + i).append("description", "请清运").append("version", 0L));
                if (batch.size() == 10_000) {
                    tickets.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                tickets.insertMany(batch);
            }
            System.out.printf("inserted %,d tickets in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            Instant now = start.plus(Duration.ofDays(400));
            time("list by district, newest first, page 0", () -> store.search(query("TY", null, null, null), now, 0, 20,
                    "reportedAt", false));
            time("list by district + category, page 5", () -> store.search(query("TY", null, "roads", null), now, 5, 20,
                    "reportedAt", false));
            time("dispatcher queue (district + 5 statuses, by due date)", () -> store.search(query("JY", null, null,
                    EnumSet.of(TicketStatus.REPORTED, TicketStatus.ACCEPTED, TicketStatus.RETURNED,
                            TicketStatus.REOPENED, TicketStatus.RESOLVED)), now, 0, 20, "solution.dueAt", true));
            time("department queue (department + 2 statuses)", () -> store.search(query(null, "JT", null,
                    EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS)), now, 0, 20, "solution.dueAt", true));
            time("ticket by id", () -> store.find("t-" + (n / 2)));
        }
        System.exit(0);
    }

    private static TicketStore.Query query(String district, String department, String category,
                                           EnumSet<TicketStatus> statuses) {
        return new TicketStore.Query(district, null, null, statuses, category, null, department, null, null, null,
                null, null, null, null, null);
    }

    private static void time(String what, Supplier<?> call) {
        Object result = call.get();
        int runs = 8;
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        String size = result instanceof Page<?> p ? p.items().size() + " of " + p.total() : String.valueOf(result != null);
        System.out.printf("%-58s median %,6d ms  max %,6d ms  (%s)%n", what, ms[runs / 2], ms[runs - 1], size);
    }
}
