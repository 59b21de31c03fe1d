package org.onegrid.analytics.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which generation of the views is live, and which one a rebuild is filling. Switching is one single-document
 * update, so readers move from the old views to the rebuilt ones at once.
 */
@Component
public class ViewGenerations {

    private static final String ID = "views";
    private final MongoCollection<Document> meta;

    public ViewGenerations(MongoDatabase database) {
        this.meta = database.getCollection("_meta");
    }

    public record State(int active, Integer building) {
    }

    public State current() {
        Document d = meta.findOneAndUpdate(Filters.eq("_id", ID), Updates.setOnInsert("active", 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return new State(d.getInteger("active"), d.getInteger("building"));
    }

    /** @return the generation to build, or null if a rebuild is already under way */
    public Integer beginBuilding() {
        State state = current();
        int next = state.active() + 1;
        Document updated = meta.findOneAndUpdate(Filters.and(Filters.eq("_id", ID), Filters.eq("building", null)),
                Updates.set("building", next), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return updated == null ? null : next;
    }

    public void switchTo(int generation) {
        meta.updateOne(Filters.eq("_id", ID), Updates.combine(Updates.set("active", generation),
                Updates.set("building", null)));
    }

    public void abandonBuilding() {
        meta.updateOne(Filters.eq("_id", ID), Updates.set("building", null));
    }
}
