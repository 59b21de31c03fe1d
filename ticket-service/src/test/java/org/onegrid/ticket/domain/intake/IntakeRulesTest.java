package org.onegrid.ticket.domain.intake;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onegrid.ticket.domain.TicketStatus;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeRulesTest {

    @Test
    void open311StatusIsClosedOnceTheWorkIsDoneOrWillNotBeDone() {
        assertThat(Open311Status.of(TicketStatus.REPORTED)).isEqualTo("open");
        assertThat(Open311Status.of(TicketStatus.IN_PROGRESS)).isEqualTo("open");
        assertThat(Open311Status.of(TicketStatus.REOPENED)).isEqualTo("open");
        assertThat(Open311Status.of(TicketStatus.RETURNED)).isEqualTo("open");
        assertThat(Open311Status.of(TicketStatus.RESOLVED)).isEqualTo("closed");
        assertThat(Open311Status.of(TicketStatus.REJECTED)).isEqualTo("closed");
        assertThat(Open311Status.of(TicketStatus.MERGED)).isEqualTo("closed");
    }

    @Test
    void requiredAttributesAndListValuesAreChecked() {
        assertThat(ServiceAttribute.problem("noise", Map.of())).contains("attribute[time_of_day] is required");
        assertThat(ServiceAttribute.problem("noise", Map.of("time_of_day", "dusk"))).contains("must be one of");
        assertThat(ServiceAttribute.problem("noise", Map.of("time_of_day", "night"))).isNull();
        assertThat(ServiceAttribute.problem("roads", Map.of())).isNull();
        assertThat(ServiceAttribute.problem("sanitation", Map.of("anything", "x"))).isNull();
    }

    @Test
    void cameraIncidentsMapOntoCategoriesAndTitlesAreCut() {
        assertThat(PartnerIntakeRules.categoryOfIncident("garbage-pile")).isEqualTo("sanitation");
        assertThat(PartnerIntakeRules.categoryOfIncident("waterlogging")).isEqualTo("utilities");
        assertThat(PartnerIntakeRules.categoryOfIncident("other")).isEqualTo("other");
        assertThat(PartnerIntakeRules.sourceRef("urn:a", "1")).isEqualTo("urn:a/1");
        assertThat(PartnerIntakeRules.title("随手拍", "井".repeat(50))).isEqualTo("随手拍: " + "井".repeat(40) + "…");
        assertThat(PartnerIntakeRules.title("随手拍", " ")).isEqualTo("随手拍");
    }
}
