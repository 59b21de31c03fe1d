package org.onegrid.systemtests;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Grid workers' reports ({@code POST /api/tickets}, channel GRID_APP, idempotent on {@code clientRequestId}),
 * spread over several workers (the gateway limits each caller's rate) and the five districts.
 */
final class GridReports implements IntakeStream {

    static final List<String> DISTRICTS = List.of("HT", "JY", "TY", "YZ", "YC");
    private final Http http;
    private final List<String> tokens = new ArrayList<>();

    GridReports(Http http, int workers) throws Exception {
        this.http = http;
        for (int i = 0; i < workers; i++) {
            tokens.add(http.token("st-grid-worker-" + i, "grid-worker", null, null));
        }
    }

    @Override
    public String tag() {
        return "g";
    }

    @Override
    public String name() {
        return "grid reports";
    }

    @Override
    public Http.Response send(int n, String key) throws Exception {
        var body = Http.JSON.createObjectNode()
                .put("clientRequestId", key)
                .put("channel", "GRID_APP")
                .put("title", "路灯不亮 #" + n)
                .put("description", "系统测试 " + key)
                .put("districtCode", DISTRICTS.get(n % DISTRICTS.size()));
        return http.post("/api/tickets", tokens.get(n % tokens.size()), body.toString());
    }

    @Override
    public Bson stored() {
        return Filters.and(Filters.eq("channel", "GRID_APP"), Filters.regex("clientRequestId", "^st-"));
    }

    @Override
    public String keyOf(Document ticket) {
        return ticket.getString("clientRequestId");
    }

    @Override
    public String ticketId(Http.Response accepted) {
        return accepted.json().path("ticket").path("id").asString();
    }
}
