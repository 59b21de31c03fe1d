package org.onegrid.ticket.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onegrid.events.EventCodec;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Open311 GeoReport v2 as a third-party 311 client uses it: plain HTTP, form posts, JSON arrays. */
class Open311Test extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Reply(int status, JsonNode body, String contentType) {
    }

    @Test
    void roundTripFromCatalogueToUpdates() {
        Reply services = open311Get("/open311/v2/services.json");
        assertThat(services.status()).isEqualTo(200);
        JsonNode noise = find(services.body(), "service_code", "noise");
        assertThat(noise.path("metadata").asBoolean()).isTrue();
        assertThat(noise.path("type").asString()).isEqualTo("realtime");
        assertThat(noise.path("group").asString()).contains("公安");

        Reply definition = open311Get("/open311/v2/services/noise.json");
        assertThat(definition.status()).isEqualTo(200);
        JsonNode attribute = definition.body().path("attributes").get(0);
        assertThat(attribute.path("code").asString()).isEqualTo("time_of_day");
        assertThat(attribute.path("required").asBoolean()).isTrue();
        assertThat(attribute.path("datatype").asString()).isEqualTo("singlevaluelist");

        Map<String, String> form = new LinkedHashMap<>(Map.of("api_key", "client-key", "service_code", "noise",
                "lat", String.valueOf(JJL_LAT), "long", String.valueOf(JJL_LON),
                "description", "楼下KTV每晚唱到两点，电话 13812345678", "first_name", "小明", "last_name", "王",
                "phone", "13812345678", "media_url", "https://example.org/ktv.jpg", "email", "xiaoming.wang@example.cn"));
        Reply missingAttribute = open311Post("/open311/v2/requests.json", form, Map.of());
        assertThat(missingAttribute.status()).isEqualTo(400);
        assertThat(missingAttribute.body().get(0).path("description").asString()).contains("time_of_day");

        form.put("attribute[time_of_day]", "night");
        Reply created = open311Post("/open311/v2/requests.json", form, Map.of());
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        String id = created.body().get(0).path("service_request_id").asString();
        assertThat(created.body().get(0).path("service_notice").asString()).contains("received");
        assertThat(created.body().get(0).has("account_id")).isTrue();

        JsonNode request = open311Get("/open311/v2/requests/" + id + ".json").body().get(0);
        assertThat(request.path("status").asString()).isEqualTo("open");
        assertThat(request.path("status_notes").asString()).startsWith("REPORTED");
        assertThat(request.path("service_code").asString()).isEqualTo("noise");
        assertThat(request.path("agency_responsible").asString()).contains("公安");
        assertThat(request.path("requested_datetime").asString()).endsWith("+08:00");
        assertThat(request.path("expected_datetime").asString()).endsWith("+08:00");
        assertThat(request.path("long").asDouble()).isEqualTo(JJL_LON);
        assertThat(request.path("media_url").asString()).isEqualTo("https://example.org/ktv.jpg");
        assertThat(request.path("description").asString()).doesNotContain("13812345678").contains("time_of_day: night");
        // Staff see the reporter; the public Open311 view never does.
        JsonNode requester = get("/tickets/" + id, Caller.dispatcher("TY")).body().path("requester");
        assertThat(requester.path("phone").asString()).isEqualTo("13812345678");
        assertThat(requester.path("email").asString()).isEqualTo("xiaoming.wang@example.cn");
        assertThat(request.toString()).doesNotContain("13812345678").doesNotContain("小明").doesNotContain("example.cn");

        Reply listed = open311Get("/open311/v2/requests.json?service_code=noise&status=open&page_size=1000");
        assertThat(listed.body().findValuesAsString("service_request_id")).contains(id);
        Reply byIds = open311Get("/open311/v2/requests.json?service_request_id=" + id + ",nope");
        assertThat(byIds.body().size()).isEqualTo(1);

        command(id, "accept", Caller.dispatcher("TY"), Map.of("comment", "核实属实"));
        command(id, "dispatch", Caller.dispatcher("TY"), Map.of());
        command(id, "start", Caller.handler("GA"), Map.of());
        command(id, "resolve", Caller.handler("GA"), Map.of("summary", "已责令KTV整改"));

        JsonNode resolved = open311Get("/open311/v2/requests/" + id + ".json").body().get(0);
        assertThat(resolved.path("status").asString()).isEqualTo("closed");
        assertThat(resolved.path("status_notes").asString()).isEqualTo("RESOLVED: 已责令KTV整改");
        assertThat(open311Get("/open311/v2/requests.json?status=closed&service_code=noise").body()
                .findValuesAsString("service_request_id")).contains(id);

        JsonNode updates = open311Get("/open311/v2/servicerequestupdates.json").body();
        var mine = new java.util.ArrayList<JsonNode>();
        updates.forEach(u -> {
            if (id.equals(u.path("service_request_id").asString())) {
                mine.add(u);
            }
        });
        assertThat(mine).extracting(u -> u.path("status").asString())
                .containsExactly("open", "open", "open", "closed");
        assertThat(mine.get(3).path("description").asString()).contains("已责令KTV整改");
        assertThat(mine.get(3).path("updated_datetime").asString()).endsWith("+08:00");
        assertThat(mine).extracting(u -> u.path("update_id").asString()).doesNotHaveDuplicates();
    }

    @Test
    void errorsAreTheSpecsArrayNotProblemJson() {
        Reply unknown = open311Get("/open311/v2/requests/does-not-exist.json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/json");
        assertThat(unknown.body().get(0).path("code").asInt()).isEqualTo(404);

        assertThat(open311Get("/open311/v2/services/unicorns.json").status()).isEqualTo(404);
        Reply xml = open311Get("/open311/v2/services.xml");
        assertThat(xml.status()).isEqualTo(404);
        assertThat(xml.body().get(0).path("code").asInt()).isEqualTo(404);

        Reply noKey = open311Post("/open311/v2/requests.json", Map.of("service_code", "roads",
                "lat", String.valueOf(JJL_LAT), "long", String.valueOf(JJL_LON)), Map.of());
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body().get(0).path("description").asString()).contains("api_key");

        Reply wrongScope = open311Post("/open311/v2/requests.json", Map.of("api_key", "k", "service_code", "roads",
                        "lat", String.valueOf(JJL_LAT), "long", String.valueOf(JJL_LON)),
                Map.of("X-OneGrid-Partner", "hotline-12345", "X-OneGrid-Scopes", "hotline:write"));
        assertThat(wrongScope.status()).isEqualTo(403);
        assertThat(wrongScope.body().get(0).path("code").asInt()).isEqualTo(403);

        Reply noLocation = open311Post("/open311/v2/requests.json", Map.of("api_key", "k", "service_code", "roads"),
                Map.of());
        assertThat(noLocation.status()).isEqualTo(400);
        assertThat(noLocation.body().get(0).path("description").asString()).contains("location");

        Reply tooLong = open311Post("/open311/v2/requests.json", Map.of("api_key", "k", "service_code", "roads",
                "address_string", "三亚市天涯区金鸡岭社区", "description", "路".repeat(4001)), Map.of());
        assertThat(tooLong.status()).isEqualTo(400);

        Reply badEmail = open311Post("/open311/v2/requests.json", Map.of("api_key", "k", "service_code", "roads",
                "address_string", "三亚市天涯区金鸡岭社区", "email", "wang at home"), Map.of());
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body().get(0).path("description").asString()).contains("email");
        Reply badPhone = open311Post("/open311/v2/requests.json", Map.of("api_key", "k", "service_code", "roads",
                "address_string", "三亚市天涯区金鸡岭社区", "phone", "{\"$gt\": \"\"}"), Map.of());
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().get(0).path("description").asString()).contains("phone");

        Reply range = open311Get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00%2B08:00"
                + "&end_date=2026-06-01T00:00:00%2B08:00");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body().get(0).path("description").asString()).contains("90 days");

        // Found by the reliability suite's hostile corpus: a year java.time reads but no store holds was a 500.
        Reply farFuture = open311Get("/open311/v2/requests.json?end_date=%2B999999999-12-31T23:59:59Z");
        assertThat(farFuture.status()).isEqualTo(400);
        assertThat(farFuture.body().get(0).path("description").asString()).contains("end_date");

        Reply badStatus = open311Get("/open311/v2/requests.json?status=pending");
        assertThat(badStatus.status()).isEqualTo(400);
    }

    /** Found by the reliability suite's hostile corpus: these were stored as they came. */
    @Test
    void reporterFieldsHaveTheTicketsLimits() {
        for (String[] spoiled : new String[][] {{"first_name", "名".repeat(65)}, {"last_name", "x".repeat(5000)},
                {"phone", "1".repeat(5000)}, {"phone", "call me maybe"}, {"email", "a".repeat(300) + "@x.cn"},
                {"media_url", "https://x.example/" + "a".repeat(400)}, {"address_string", "天涯区" + "路".repeat(400)}}) {
            Map<String, String> form = new LinkedHashMap<>(Map.of("api_key", "k", "service_code", "roads",
                    "lat", String.valueOf(JJL_LAT), "long", String.valueOf(JJL_LON)));
            form.put(spoiled[0], spoiled[1]);
            Reply r = open311Post("/open311/v2/requests.json", form, Map.of());
            assertThat(r.status()).as(spoiled[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.body().get(0).path("description").asString()).contains(spoiled[0]);
        }
    }

    @Test
    void addressWithoutCoordinatesIsPlacedByItsDistrictAndTheGatewayPartnerIsTheClient() {
        Reply created = open311Post("/open311/v2/requests.json", Map.of("service_code", "roads",
                        "address_string", "三亚市天涯区金鸡岭路 12 号", "attribute[hazard]", "yes"),
                Map.of("X-OneGrid-Partner", "open311-client", "X-OneGrid-Scopes", "open311:write"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        String id = created.body().get(0).path("service_request_id").asString();
        JsonNode ticket = get("/tickets/" + id, Caller.dispatcher("TY")).body();
        assertThat(ticket.path("districtCode").asString()).isEqualTo("TY");
        assertThat(ticket.path("channel").asString()).isEqualTo("OPEN311");
        assertThat(ticket.path("requester").path("ref").asString()).isEqualTo("open311:open311-client");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asString())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    Reply open311Get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    Reply open311Post(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), EventCodec.mapper().readTree(response.body()),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
