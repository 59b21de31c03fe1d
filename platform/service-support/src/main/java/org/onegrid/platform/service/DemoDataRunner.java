package org.onegrid.platform.service;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** Runs each {@link DemoData} whose marker is absent, then writes the marker; a restart finds it and skips. */
public class DemoDataRunner implements ApplicationRunner {

    public static final String META = "_meta";
    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final MongoDatabase database;
    private final List<DemoData> demoData;
    private final Clock clock;

    public DemoDataRunner(MongoDatabase database, List<DemoData> demoData, Clock clock) {
        this.database = database;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        MongoCollection<Document> meta = database.getCollection(META);
        for (DemoData data : demoData) {
            String id = "demo-data:" + data.name();
            if (meta.find(new Document("_id", id)).first() != null) {
                log.info("Demo data '{}' already loaded; skipping", data.name());
                continue;
            }
            Map<String, Long> counts = data.load(database);
            meta.insertOne(new Document("_id", id)
                    .append("loadedAt", Date.from(clock.instant()))
                    .append("collections", new Document(Map.copyOf(counts))));
            log.info("Loaded demo data '{}': {}", data.name(), counts);
        }
    }
}
