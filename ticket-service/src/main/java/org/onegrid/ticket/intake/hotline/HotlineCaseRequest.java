package org.onegrid.ticket.intake.hotline;

import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A 12345 hotline case (工单) as the hotline system sends it. Caller name and phone are personal data: stored with the
 * ticket for its handlers, shown masked, never put in events or logs.
 */
public record HotlineCaseRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - and _ only")
        String caseNo,
        @NotNull Instant receivedAt,
        @Size(max = 50) String callerName,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "must be a phone number") String callerPhone,
        @NotBlank @Size(max = 4000) String content,
        @NotBlank @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits, '.', '-' and '_' only") String categoryCode,
        @Size(max = 200) String address,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Pattern(regexp = "NORMAL|URGENT|VERY_URGENT", message = "must be NORMAL, URGENT or VERY_URGENT") String urgency,
        Instant deadline,
        @Size(max = 8) @Pattern(regexp = "[A-Za-z0-9-]+", message = "a district code, e.g. TY")
        String districtCode) {
}
