package org.onegrid.analytics.api;

import java.time.LocalDate;

import org.onegrid.analytics.domain.Scope;
import org.onegrid.platform.service.ApiException;
import org.onegrid.platform.service.Ranges;
import org.springframework.format.annotation.DateTimeFormat;

/** district (a code such as TY), from and to (Sanya dates, inclusive) of the talent and centre figures. */
record ActivityFiguresParams(String district,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    Scope scope() {
        Ranges.requireOrdered("from", from, "to", to);
        if (district != null && !district.isBlank() && !district.matches("[A-Z]{2,8}")) {
            throw ApiException.badRequest("district", "must be a district code such as TY");
        }
        return new Scope(district == null || district.isBlank() ? null : district, from, to);
    }
}
