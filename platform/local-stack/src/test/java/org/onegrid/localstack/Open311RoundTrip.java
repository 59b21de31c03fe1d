package org.onegrid.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * An off-the-shelf GeoReport v2 client through the front door: it knows the spec, not us — the key goes in the
 * form as {@code api_key}, errors are read as {@code [{code, description}]}, and it follows its request to closed.
 */
final class Open311RoundTrip {

    private final Gateway gateway = new Gateway();

    void run() throws Exception {
        Gateway.Response services = gateway.get("/open311/v2/services.json", null);
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.body().findValuesAsString("service_code")).contains("noise", "sanitation");

        Map<String, String> report = new LinkedHashMap<>();
        report.put("service_code", "sanitation");
        report.put("lat", "18.2600");
        report.put("long", "109.4975");
        report.put("description", "金鸡岭路垃圾桶满溢三天");
        report.put("email", "reporter@example.cn");
        Gateway.Response noKey = gateway.form("/open311/v2/requests.json", report);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body().get(0).path("code").asInt()).isEqualTo(400);

        report.put("api_key", "not-our-key");
        Gateway.Response badKey = gateway.form("/open311/v2/requests.json", report);
        assertThat(badKey.status()).isEqualTo(403);
        assertThat(badKey.body().get(0).path("description").asString()).isEqualTo("invalid api_key");

        report.put("api_key", "dev-open311-key");
        Gateway.Response created = gateway.form("/open311/v2/requests.json", report);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String id = created.body().get(0).path("service_request_id").asString();

        JsonNode request = gateway.get("/open311/v2/requests/" + id + ".json", null).body().get(0);
        assertThat(request.path("status").asString()).isEqualTo("open");
        assertThat(request.path("expected_datetime").asString()).endsWith("+08:00");
        assertThat(request.toString()).doesNotContain("reporter@example.cn");

        String dispatcher = gateway.token("dispatcher-311", "dispatcher", "TY", null);
        String handler = gateway.token("handler-311", "department-handler", null, "HW");
        JsonNode ticket = gateway.get("/api/tickets/" + id, dispatcher).body();
        assertThat(ticket.path("channel").asString()).isEqualTo("OPEN311");
        assertThat(ticket.path("requester").path("ref").asString()).as("the partner the gateway authenticated")
                .isEqualTo("open311:open311-client");
        assertThat(ticket.path("requester").path("email").asString()).isEqualTo("reporter@example.cn");

        ok(gateway.post("/api/tickets/" + id + "/accept", dispatcher, Map.of("categoryCode", "sanitation"), null));
        ok(gateway.post("/api/tickets/" + id + "/dispatch", dispatcher, Map.of("departmentCode", "HW"), null));
        ok(gateway.post("/api/tickets/" + id + "/start", handler, Map.of(), null));
        ok(gateway.post("/api/tickets/" + id + "/resolve", handler, Map.of("summary", "已清运"), null));

        request = gateway.get("/open311/v2/requests/" + id + ".json", null).body().get(0);
        assertThat(request.path("status").asString()).isEqualTo("closed");
        assertThat(request.path("status_notes").asString()).startsWith("RESOLVED").contains("已清运");

        String since = Gateway.encode(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString());
        JsonNode updates = gateway.get("/open311/v2/servicerequestupdates.json?start_date=" + since, null).body();
        assertThat(updates.findValuesAsString("service_request_id")).contains(id);
    }

    private static void ok(Gateway.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 299);
    }
}
