package org.onegrid.center.store;

import static org.onegrid.center.domain.Facility.AED;
import static org.onegrid.center.domain.Facility.BLOOD_PRESSURE_METER;
import static org.onegrid.center.domain.Facility.CHARGING;
import static org.onegrid.center.domain.Facility.DRINKING_WATER;
import static org.onegrid.center.domain.Facility.FIRST_AID_KIT;
import static org.onegrid.center.domain.Facility.LEGAL_SERVICE;
import static org.onegrid.center.domain.Facility.LIBRARY;
import static org.onegrid.center.domain.Facility.MEETING_ROOM;
import static org.onegrid.center.domain.Facility.MICROWAVE;
import static org.onegrid.center.domain.Facility.NETWORK_ROOM;
import static org.onegrid.center.domain.Facility.REST_AREA;
import static org.onegrid.center.domain.Facility.UMBRELLA;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.onegrid.platform.kafka.EventFactory;
import org.onegrid.center.domain.CenterLevel;
import org.onegrid.center.domain.Facility;
import org.onegrid.center.domain.GeoPoint;
import org.onegrid.center.domain.OpeningException;
import org.onegrid.center.domain.OpeningHours;
import org.onegrid.center.domain.TimeRange;
import org.onegrid.platform.service.DemoData;
import org.springframework.stereotype.Component;

/**
 * The centres the Sanya reports name ("1+10+29+N"), at plausible coordinates (WGS84, approximate). Loaded by natural
 * key (the centre code), so a reload replaces rather than duplicates.
 */
@Component
public class SanyaDemoData implements DemoData {

    private final Clock clock;
    private final EventFactory events;

    public SanyaDemoData(Clock clock, EventFactory events) {
        this.clock = clock;
        this.events = events;
    }

    @Override
    public String name() {
        return "centers";
    }

    record Seed(String id, String name, CenterLevel level, String parentId, String district, String community,
                String address, double lat, double lon, OpeningHours hours, Set<Facility> facilities,
                List<String> serviceItems) {
    }

    /** Office hours in Hainan: a long midday break; weekends for activities. Public holidays closed. */
    static OpeningHours officeHours() {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekly.put(d, List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new TimeRange(LocalTime.of(14, 30), LocalTime.of(21, 0))));
        }
        weekly.put(DayOfWeek.SATURDAY, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 30))));
        weekly.put(DayOfWeek.SUNDAY, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 30))));
        return new OpeningHours(false, weekly, holidays());
    }

    static List<OpeningException> holidays() {
        List<OpeningException> closed = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            closed.add(new OpeningException(LocalDate.of(2026, 10, day), List.of(), "国庆节"));
        }
        closed.add(new OpeningException(LocalDate.of(2027, 1, 1), List.of(), "元旦"));
        for (int day = 6; day <= 8; day++) {
            closed.add(new OpeningException(LocalDate.of(2027, 2, day), List.of(), "春节"));
        }
        return closed;
    }

    static List<Seed> seeds() {
        OpeningHours office = officeHours();
        OpeningHours always = OpeningHours.always();
        Set<Facility> full = Set.of(FIRST_AID_KIT, BLOOD_PRESSURE_METER, AED, UMBRELLA, CHARGING, MICROWAVE, LIBRARY,
                NETWORK_ROOM, MEETING_ROOM, LEGAL_SERVICE, DRINKING_WATER);
        Set<Facility> tianya = Set.of(FIRST_AID_KIT, BLOOD_PRESSURE_METER, MICROWAVE, UMBRELLA, CHARGING, MEETING_ROOM);
        Set<Facility> station = Set.of(CHARGING, MICROWAVE, DRINKING_WATER, REST_AREA, UMBRELLA, FIRST_AID_KIT);
        List<String> big = List.of("CIVIL_AFFAIRS.SUBSISTENCE", "CIVIL_AFFAIRS.ELDERLY_ALLOWANCE",
                "SOCIAL_SECURITY.MEDICAL_INSURANCE", "HEALTH.FAMILY_DOCTOR", "LEGAL_AID.CONSULTATION",
                "PUBLIC_ORDER.RESIDENCE_PERMIT", "PARTY_SERVICE.DUAL_REPORTING");
        List<String> party = List.of("PARTY_SERVICE.MEMBERSHIP_TRANSFER", "PARTY_SERVICE.DUAL_REPORTING",
                "PARTY_SERVICE.MIGRANT_MEMBER");
        return List.of(
                new Seed("SY-CITY", "三亚市党群服务中心", CenterLevel.CITY, null, "JY", "FENGXINGLONG",
                        "吉阳区丰兴隆生态公园内", 18.2601, 109.5152, office, full,
                        List.of("LEGAL_AID.CONSULTATION", "LEGAL_AID.MEDIATION", "PARTY_SERVICE.MEMBERSHIP_TRANSFER",
                                "PARTY_SERVICE.DUAL_REPORTING", "TALENT.POLICY_CONSULTATION")),
                new Seed("TY-DISTRICT", "天涯区党群服务中心", CenterLevel.DISTRICT, "SY-CITY", "TY", "CHUNYUAN",
                        "天涯区解放路", 18.2531, 109.5040, office, tianya, party),
                new Seed("JY-DISTRICT", "吉阳区党群服务中心", CenterLevel.DISTRICT, "SY-CITY", "JY", "HEDONG",
                        "吉阳区迎宾路", 18.2795, 109.5410, office, tianya, party),
                new Seed("HT-DISTRICT", "海棠区党群服务中心", CenterLevel.DISTRICT, "SY-CITY", "HT", "HAITANGWAN",
                        "海棠区海棠北路（室内中心+户外党建公园）", 18.3475, 109.7330, office, full, party),
                new Seed("YZ-DISTRICT", "崖州区党群服务中心", CenterLevel.DISTRICT, "SY-CITY", "YZ", "YACHENG",
                        "崖州区崖城镇", 18.3560, 109.1770, office, tianya, party),
                new Seed("YC-DISTRICT", "育才生态区党群服务中心", CenterLevel.DISTRICT, "SY-CITY", "YC", "YC",
                        "育才生态区", 18.4390, 109.3880, office, tianya, party),
                new Seed("CBD-INDUSTRY", "中央商务区党群服务中心", CenterLevel.INDUSTRY, "SY-CITY", "JY", "YUECHUAN",
                        "中央商务区月川片区", 18.2668, 109.5036, office, full,
                        List.of("TALENT.POLICY_CONSULTATION", "PARTY_SERVICE.DUAL_REPORTING")),
                new Seed("YZB-BIG", "崖州湾科技城大社区综合服务中心", CenterLevel.BIG_COMMUNITY, "SY-CITY", "YZ",
                        "KEJICHENG", "崖州湾科技城", 18.3030, 109.1800, office, full, big),
                new Seed("TY-SANYAWAN", "三亚湾党群服务中心", CenterLevel.BIG_COMMUNITY, "TY-DISTRICT", "TY",
                        "SANYAWAN", "天涯区三亚湾路海月广场旁（全年无休、24小时开放）", 18.2836, 109.4670, always, full,
                        List.of("PARTY_SERVICE.MIGRANT_MEMBER", "TALENT.MIGRANT_TALENT", "HEALTH.BLOOD_PRESSURE")),
                new Seed("JY-ZHUODA", "吉阳区卓达党群服务中心", CenterLevel.BIG_COMMUNITY, "JY-DISTRICT", "JY", "ZHUODA",
                        "吉阳区卓达东方索菲特片区", 18.2975, 109.5290, office, tianya, big),
                new Seed("TY-FENGHUANG-POLICE", "凤凰派出所党群服务中心", CenterLevel.COMMUNITY, "TY-DISTRICT", "TY",
                        "FENGHUANG", "天涯区凤凰路", 18.2905, 109.4860, office, tianya,
                        List.of("PUBLIC_ORDER.RESIDENCE_PERMIT", "PUBLIC_ORDER.RENTAL_REGISTRATION")),
                new Seed("TY-JINJILING-SCHOOL", "金鸡岭小学党群服务站", CenterLevel.STATION, "TY-DISTRICT", "TY",
                        "JINJILING", "天涯区金鸡岭路", 18.2584, 109.4995, office, Set.of(FIRST_AID_KIT, UMBRELLA, LIBRARY),
                        List.of()),
                new Seed("HT-DUTYFREE", "海棠湾免税城党群服务中心", CenterLevel.COMMUNITY, "HT-DISTRICT", "HT",
                        "HAITANGWAN", "海棠区海棠湾国际免税城", 18.3195, 109.7345, office, tianya,
                        List.of("TOURISM.INFORMATION", "TOURISM.COMPLAINT")),
                new Seed("HT-TOURIST-HUB", "海棠区湾区游客集散中心党群服务站", CenterLevel.STATION, "HT-DISTRICT", "HT",
                        "HAITANGWAN", "海棠区海棠湾游客集散中心", 18.3360, 109.7500, always, station,
                        List.of("TOURISM.INFORMATION", "TOURISM.COMPLAINT")),
                new Seed("TY-FENGQING-STREET", "风情街商圈市场党群服务中心", CenterLevel.COMMUNITY, "TY-DISTRICT", "TY",
                        "JIEFANG", "天涯区解放路风情街", 18.2466, 109.5068, office, tianya,
                        List.of("TALENT.POLICY_CONSULTATION")),
                new Seed("TY-HONGQI-PARK", "红旗街社区街心公园党群服务站", CenterLevel.STATION, "TY-DISTRICT", "TY",
                        "HONGQI", "天涯区红旗街街心公园", 18.2512, 109.5100, office, station, List.of()),
                new Seed("WX-JIEFANG", "鹿城暖\"新\"驿站（解放路）", CenterLevel.STATION, "SY-CITY", "TY", "JIEFANG",
                        "天涯区解放路步行街口", 18.2490, 109.5055, always, station, List.of()),
                new Seed("WX-SANYAWAN", "鹿城暖\"新\"驿站（三亚湾）", CenterLevel.STATION, "SY-CITY", "TY",
                        "SANYAWAN", "天涯区三亚湾路椰梦长廊", 18.2760, 109.4740, always, station, List.of()),
                new Seed("WX-YINGBIN", "鹿城暖\"新\"驿站（迎宾路）", CenterLevel.STATION, "SY-CITY", "JY", "HEDONG",
                        "吉阳区迎宾路", 18.2870, 109.5480, always, station, List.of()),
                new Seed("WX-DADONGHAI", "鹿城暖\"新\"驿站（大东海）", CenterLevel.STATION, "SY-CITY", "JY",
                        "DADONGHAI", "吉阳区大东海榆亚路", 18.2240, 109.5150, always, station, List.of()),
                new Seed("WX-HAITANGWAN", "鹿城暖\"新\"驿站（海棠湾）", CenterLevel.STATION, "SY-CITY", "HT",
                        "HAITANGWAN", "海棠区海棠北路", 18.3420, 109.7280, always, station, List.of()),
                new Seed("WX-YAZHOU", "鹿城暖\"新\"驿站（崖州）", CenterLevel.STATION, "SY-CITY", "YZ", "YACHENG",
                        "崖州区崖城镇中心", 18.3590, 109.1740, always, station, List.of()));
    }

    @Override
    public Map<String, Long> load(MongoDatabase database) {
        CenterStore store = new CenterStore(database, events);
        for (Seed s : seeds()) {
            Document d = new Document("_id", s.id()).append("name", s.name()).append("level", s.level().name())
                    .append("parentId", s.parentId()).append("districtCode", s.district())
                    .append("communityCode", s.community()).append("address", s.address())
                    .append("location", CenterStore.geoJson(new GeoPoint(s.lat(), s.lon())))
                    .append("hours", CenterStore.hoursDocument(s.hours()))
                    .append("facilities", s.facilities().stream().map(Enum::name).sorted().toList())
                    .append("serviceItems", s.serviceItems())
                    .append("contact", new Document("phone", "0898-12345"))
                    .append("staff", List.of(new Document("name", "值班人员").append("role", "值班")));
            store.upsert(d, clock.instant());
        }
        return Map.of(CenterStore.COLLECTION, store.count());
    }
}
