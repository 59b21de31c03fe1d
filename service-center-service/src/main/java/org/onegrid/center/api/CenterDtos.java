package org.onegrid.center.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.onegrid.center.domain.CenterLevel;
import org.onegrid.center.domain.Facility;
import org.onegrid.center.domain.GeoPoint;
import org.onegrid.center.domain.OpeningException;
import org.onegrid.center.domain.OpeningHours;
import org.onegrid.center.domain.ServiceCatalogue;
import org.onegrid.center.domain.TimeRange;
import org.onegrid.center.store.CenterStore;
import org.onegrid.events.PersonalData;
import org.onegrid.platform.service.ApiException;

/** Request and response records of the centre endpoints, and their mapping to documents. */
public final class CenterDtos {

    private CenterDtos() {
    }

    public record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    public record WeeklyHours(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    public record Range(@NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    /** A holiday or closure (no ranges) or special hours on one local date. */
    public record HoursException(@NotNull LocalDate date, @Valid List<Range> ranges, @Size(max = 100) String reason) {
    }

    /** Local times in Asia/Shanghai. */
    public record Hours(Boolean allDay, @Valid List<WeeklyHours> weekly, @Valid List<HoursException> exceptions) {
    }

    public record Contact(@Size(max = 40) String phone, @Size(max = 100) String email) {
    }

    public record Staff(@NotBlank @Size(max = 40) String name, @Size(max = 40) String role) {
    }

    public record CenterRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{2,64}", message = "2-64 letters, digits, '_' or '-'") String id,
            @NotBlank @Size(max = 100) String name,
            @NotNull CenterLevel level,
            @Size(max = 64) String parentId,
            @NotBlank @Size(max = 40) String districtCode,
            @Size(max = 40) String communityCode,
            @Size(max = 200) String address,
            @NotNull @Valid Location location,
            @Valid Hours hours,
            Set<Facility> facilities,
            @Size(max = 300) List<String> serviceItems,
            @Valid Contact contact,
            @Valid @Size(max = 100) List<Staff> staff,
            Long version) {
    }

    public record CenterView(String id, String name, CenterLevel level, String parentId, String districtCode,
                             String communityCode, String address, Document location, double lat, double lon,
                             Hours hours, boolean openNow, Set<Facility> facilities, List<ServiceItemView> serviceItems,
                             Contact contact, List<Staff> staff, long version) {
    }

    public record ServiceItemView(String code, String name) {
    }

    static OpeningHours hours(Hours h) {
        if (h == null) {
            return new OpeningHours(false, Map.of(), List.of());
        }
        try {
            Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
            for (WeeklyHours w : h.weekly() == null ? List.<WeeklyHours>of() : h.weekly()) {
                weekly.computeIfAbsent(w.day(), d -> new ArrayList<>()).add(new TimeRange(w.opens(), w.closes()));
            }
            List<OpeningException> exceptions = new ArrayList<>();
            Set<LocalDate> dates = new java.util.HashSet<>();
            for (HoursException x : h.exceptions() == null ? List.<HoursException>of() : h.exceptions()) {
                if (!dates.add(x.date())) {
                    throw ApiException.badRequest("hours.exceptions", "date " + x.date() + " appears twice");
                }
                exceptions.add(new OpeningException(x.date(), x.ranges() == null ? List.of()
                        : x.ranges().stream().map(r -> new TimeRange(r.opens(), r.closes())).toList(), x.reason()));
            }
            return new OpeningHours(Boolean.TRUE.equals(h.allDay()), weekly, exceptions);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("hours", e.getMessage());
        }
    }

    static Hours hoursView(OpeningHours h) {
        List<WeeklyHours> weekly = new ArrayList<>();
        h.weekly().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(r -> weekly.add(new WeeklyHours(e.getKey(), r.opens(), r.closes()))));
        List<HoursException> exceptions = h.exceptions().stream().map(x -> new HoursException(x.date(),
                x.ranges().stream().map(r -> new Range(r.opens(), r.closes())).toList(), x.reason())).toList();
        return new Hours(h.allDay(), weekly, exceptions);
    }

    static Document toDocument(String id, CenterRequest r) {
        for (String code : r.serviceItems() == null ? List.<String>of() : r.serviceItems()) {
            if (ServiceCatalogue.minorItem(code).isEmpty()) {
                throw ApiException.badRequest("serviceItems", "unknown service item " + code
                        + " (see GET /centers/service-items)");
            }
        }
        GeoPoint point = new GeoPoint(r.location().lat(), r.location().lon());
        Document d = new Document("_id", id)
                .append("name", r.name().strip())
                .append("level", r.level().name())
                .append("parentId", r.parentId())
                .append("districtCode", r.districtCode())
                .append("communityCode", r.communityCode())
                .append("address", r.address())
                .append("location", CenterStore.geoJson(point))
                .append("hours", CenterStore.hoursDocument(hours(r.hours())))
                .append("facilities", r.facilities() == null ? List.of()
                        : r.facilities().stream().map(Enum::name).sorted().toList())
                .append("serviceItems", r.serviceItems() == null ? List.of() : List.copyOf(new LinkedHashSet<>(r.serviceItems())));
        if (r.contact() != null) {
            d.append("contact", new Document("phone", r.contact().phone()).append("email", r.contact().email()));
        }
        d.append("staff", r.staff() == null ? List.of() : r.staff().stream()
                .map(s -> new Document("name", s.name()).append("role", s.role())).toList());
        return d;
    }

    /** Staff are shown by role with a masked name: the public page is no staff directory. */
    static CenterView view(Document d, Instant now) {
        var center = CenterStore.toCenter(d);
        Document contact = d.get("contact", Document.class);
        return new CenterView(center.id(), center.name(), center.level(), d.getString("parentId"),
                center.districtCode(), center.communityCode(), d.getString("address"),
                d.get("location", Document.class), center.location().lat(), center.location().lon(),
                hoursView(center.hours()), center.hours().isOpen(now),
                new java.util.TreeSet<>(center.facilities()),
                d.getList("serviceItems", String.class, List.of()).stream()
                        .map(code -> new ServiceItemView(code, ServiceCatalogue.minorItem(code)
                                .map(ServiceCatalogue.Item::name).orElse(code))).toList(),
                contact == null ? null : new Contact(contact.getString("phone"), contact.getString("email")),
                d.getList("staff", Document.class, List.of()).stream()
                        .map(s -> new Staff(PersonalData.maskName(s.getString("name")), s.getString("role"))).toList(),
                d.get("version", Number.class).longValue());
    }
}
