package org.onegrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gateway's Swagger UI lists every service's OpenAPI document, fetched through dedicated doc routes. */
class ApiDocsTest extends GatewayTestSupport {

    @Test
    void swaggerUiListsEveryServicesDocument() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(config -> assertThat(config)
                        .contains("/docs/tickets/v3/api-docs", "/docs/talent/v3/api-docs",
                                "/docs/centers/v3/api-docs", "/docs/analytics/v3/api-docs"));
        String location = client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        client.get().uri(location).exchange().expectStatus().isOk();
    }

    @Test
    void aServicesDocumentIsRoutedToItsApiDocsWithoutCredentials() {
        client.get().uri("/docs/tickets/v3/api-docs").exchange().expectStatus().isOk();
        assertThat(TICKETS.last("/v3/api-docs")).isNotNull();
        client.post().uri("/docs/tickets/v3/api-docs").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theGatewaysOwnDocumentDescribesKeyManagementAndDevTokens() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(doc -> assertThat(doc).contains("/admin/api-keys", "/dev-auth/token"));
    }
}
