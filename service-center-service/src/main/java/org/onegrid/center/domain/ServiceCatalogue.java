package org.onegrid.center.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of service items devolved to big communities (110 major / 206 minor items in Sanya); a centre lists
 * the minor item codes it handles. This is a representative subset, keyed by stable codes.
 */
public final class ServiceCatalogue {

    public record Item(String code, String name) {
    }

    public record MajorItem(String code, String name, List<Item> minorItems) {
    }

    public static final List<MajorItem> MAJOR_ITEMS = List.of(
            new MajorItem("CIVIL_AFFAIRS", "民政服务", List.of(
                    new Item("CIVIL_AFFAIRS.SUBSISTENCE", "最低生活保障申请"),
                    new Item("CIVIL_AFFAIRS.ELDERLY_ALLOWANCE", "高龄津贴申领"),
                    new Item("CIVIL_AFFAIRS.DISABILITY_SUBSIDY", "残疾人两项补贴"))),
            new MajorItem("SOCIAL_SECURITY", "社会保障", List.of(
                    new Item("SOCIAL_SECURITY.PENSION_QUERY", "养老保险查询"),
                    new Item("SOCIAL_SECURITY.MEDICAL_INSURANCE", "城乡居民医保参保登记"))),
            new MajorItem("HEALTH", "卫生健康", List.of(
                    new Item("HEALTH.FAMILY_DOCTOR", "家庭医生签约"),
                    new Item("HEALTH.BLOOD_PRESSURE", "免费血压测量"))),
            new MajorItem("LEGAL_AID", "司法援助", List.of(
                    new Item("LEGAL_AID.CONSULTATION", "法律咨询"),
                    new Item("LEGAL_AID.MEDIATION", "人民调解"))),
            new MajorItem("PUBLIC_ORDER", "综治服务", List.of(
                    new Item("PUBLIC_ORDER.RESIDENCE_PERMIT", "居住证办理"),
                    new Item("PUBLIC_ORDER.RENTAL_REGISTRATION", "出租屋登记"))),
            new MajorItem("PARTY_SERVICE", "党员服务", List.of(
                    new Item("PARTY_SERVICE.MEMBERSHIP_TRANSFER", "组织关系转接"),
                    new Item("PARTY_SERVICE.DUAL_REPORTING", "党员双报到"),
                    new Item("PARTY_SERVICE.MIGRANT_MEMBER", "候鸟党员登记"))),
            new MajorItem("TALENT", "人才服务", List.of(
                    new Item("TALENT.POLICY_CONSULTATION", "人才政策咨询"),
                    new Item("TALENT.MIGRANT_TALENT", "候鸟人才服务"))),
            new MajorItem("TOURISM", "旅游服务", List.of(
                    new Item("TOURISM.INFORMATION", "旅游信息咨询"),
                    new Item("TOURISM.COMPLAINT", "旅游投诉维权"))));

    private static final Map<String, Item> MINOR_BY_CODE = MAJOR_ITEMS.stream()
            .flatMap(m -> m.minorItems().stream())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Item::code, i -> i));

    private ServiceCatalogue() {
    }

    public static Optional<Item> minorItem(String code) {
        return Optional.ofNullable(MINOR_BY_CODE.get(code));
    }
}
