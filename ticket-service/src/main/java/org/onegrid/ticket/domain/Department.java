package org.onegrid.ticket.domain;

/** A functional department that handles dispatched tickets, e.g. 住建 (housing and construction). */
public record Department(String code, String nameZh, String nameEn) {
}
