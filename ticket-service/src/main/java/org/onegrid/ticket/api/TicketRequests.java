package org.onegrid.ticket.api;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the ticket API. */
public final class TicketRequests {

    private TicketRequests() {
    }

    /**
     * A new ticket. {@code clientRequestId} makes a retried create return the first ticket instead of a second one.
     * Placement: a grid code, or coordinates (located to a grid), or at least a district code.
     */
    public record Create(
            @Size(max = 64) String clientRequestId,
            @Pattern(regexp = "GRID_APP|HOTLINE_12345|CENTER|PARTNER|OPEN311") String channel,
            @Size(max = 128) String sourceRef,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Size(max = 64) String requesterName,
            @Pattern(regexp = "[0-9+\\- ]{5,20}") String requesterPhone,
            @Size(max = 64) String districtCode,
            @Size(max = 64) String communityCode,
            @Size(max = 64) String gridCode,
            @Size(max = 64) String categoryCode,
            @Size(max = 20) List<@Size(max = 300) String> attachments) {
    }

    public record Accept(@Size(max = 64) String categoryCode, @Size(max = 64) String gridCode,
                         @Size(max = 2000) String comment) {
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Dispatch(@Size(max = 64) String departmentCode, @Size(max = 2000) String comment) {
    }

    public record Comment(@Size(max = 2000) String comment) {
    }

    public record Resolve(@NotBlank @Size(max = 4000) String summary,
                          @Size(max = 20) List<@Size(max = 300) String> attachments) {
    }

    public record Reply(@NotBlank @Size(max = 4000) String summary) {
    }

    public record Rate(@NotBlank @Size(max = 128) String ratingToken,
                       @NotNull @Pattern(regexp = "SATISFIED|BASICALLY_SATISFIED|UNSATISFIED") String rating,
                       @Size(max = 2000) String comment) {
    }

    public record Merge(@NotBlank @Size(max = 64) String parentTicketId, @Size(max = 2000) String comment) {
    }
}
