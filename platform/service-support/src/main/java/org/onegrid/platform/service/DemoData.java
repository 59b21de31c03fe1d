package org.onegrid.platform.service;

import java.util.Map;

import com.mongodb.client.MongoDatabase;

/**
 * Sanya demo data a service puts into its own database when {@code onegrid.demo-data.enabled=true} (the local stack).
 * Loaded once: a marker in {@code _meta} remembers it across restarts. Writes should be upserts on natural keys, so
 * that even a load interrupted half-way can be run again safely.
 */
public interface DemoData {

    /** A stable name for the marker, e.g. "grid". */
    String name();

    /**
     * Loads the data.
     *
     * @return how many documents each collection holds afterwards, recorded in the marker
     */
    Map<String, Long> load(MongoDatabase database);
}
