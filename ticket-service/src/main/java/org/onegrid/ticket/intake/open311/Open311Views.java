package org.onegrid.ticket.intake.open311;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The GeoReport v2 JSON shapes. Field names are the specification's (snake_case) so that off-the-shelf 311
 * clients read them without mapping.
 */
final class Open311Views {

    private Open311Views() {
    }

    record Service(String service_code, String service_name, String description, boolean metadata, String type,
                   String keywords, String group) {
    }

    record AttributeValue(String key, String name) {
    }

    record Attribute(boolean variable, String code, String datatype, boolean required, String datatype_description,
                     int order, String description, List<AttributeValue> values) {
    }

    record ServiceDefinition(String service_code, List<Attribute> attributes) {
    }

    record Created(String service_request_id, String service_notice, String account_id) {
    }

    record Request(String service_request_id, String status, String status_notes, String service_name,
                   String service_code, String description, String agency_responsible, String service_notice,
                   String requested_datetime, String updated_datetime, String expected_datetime, String address,
                   String address_id, String zipcode, Double lat,
                   @JsonProperty("long") Double lon, // GeoReport names it "long", a Java keyword
                   String media_url, String likely_duplicate_of) {
    }

    record Update(String update_id, String service_request_id, String status, String description,
                  String updated_datetime, String media_url) {
    }
}
