package org.onegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onegrid.identity.GatewayHeaders;
import org.springframework.http.MediaType;

/**
 * A GeoReport v2 client as published: it knows nothing of {@code X-Api-Key} and sends {@code api_key} in the form
 * (or the query), and it parses refusals as the spec's {@code [{code, description}]}.
 */
class Open311KeyTest extends GatewayTestSupport {

    private static final String FORM = "service_code=noise&lat=18.25&long=109.5&attribute%5Btime_of_day%5D=night"
            + "&description=%E6%A5%BC%E4%B8%8BKTV";

    @Test
    void theFormsApiKeyAuthenticatesThePartnerAndStaysAtTheGateway() {
        client.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("api_key=dev-open311-key&" + FORM)
                .exchange().expectStatus().isOk();

        StubService.Seen seen = TICKETS.last("/open311/v2/requests.json");
        assertThat(seen.header("X-OneGrid-Partner")).isEqualTo("open311-client");
        assertThat(seen.header("X-OneGrid-Scopes")).isEqualTo(GatewayHeaders.encode("open311:write"));
        assertThat(seen.body()).as("the other fields arrive byte for byte, the key does not").isEqualTo(FORM);
        assertThat(seen.header("Content-Length")).isEqualTo(String.valueOf(FORM.length()));
    }

    @Test
    void theKeyMayComeLastOrInTheQuery() {
        client.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(FORM + "&api_key=dev-open311-key")
                .exchange().expectStatus().isOk();
        assertThat(TICKETS.last("/open311/v2/requests.json").body()).isEqualTo(FORM);

        client.post().uri("/open311/v2/requests.json?api_key=dev-open311-key&jurisdiction_id=sanya")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(FORM)
                .exchange().expectStatus().isOk();
        StubService.Seen seen = TICKETS.last("/open311/v2/requests.json");
        assertThat(seen.header("X-OneGrid-Partner")).isEqualTo("open311-client");
        assertThat(seen.body()).isEqualTo(FORM);
    }

    @Test
    void anUnknownKeyIsTheSpecs403AndNoKeyIsTheSpecs400() {
        client.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("api_key=not-a-key&" + FORM)
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$[0].code").isEqualTo(403)
                .jsonPath("$[0].description").isEqualTo("invalid api_key");

        client.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(FORM)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").isEqualTo("api_key is required");
    }

    @Test
    void aKeyForAnotherChannelIsRefusedInTheSpecsShape() {
        client.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("api_key=dev-hotline-key&" + FORM)
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$[0].code").isEqualTo(403);
    }

    @Test
    void theFormKeyIsOnlyReadForOpen311() {
        client.post().uri("/intake/hotline/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("api_key=dev-hotline-key&caseNo=1")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }
}
