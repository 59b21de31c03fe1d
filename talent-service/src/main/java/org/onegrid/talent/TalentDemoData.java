package org.onegrid.talent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.onegrid.platform.service.DemoData;
import org.onegrid.talent.api.Caller;
import org.onegrid.talent.api.NeedCommands;
import org.onegrid.talent.api.TalentCommands;
import org.onegrid.talent.domain.Category;
import org.onegrid.talent.domain.Certification;
import org.onegrid.talent.domain.District;
import org.onegrid.talent.domain.HighLevelClass;
import org.onegrid.talent.domain.NeedPoster;
import org.onegrid.talent.domain.TalentStatus;
import org.onegrid.talent.domain.VolunteerMode;
import org.onegrid.talent.store.LiaisonStore;
import org.onegrid.talent.store.NeedStore;
import org.onegrid.talent.store.TalentRecord;
import org.onegrid.talent.store.TalentStore;
import org.springframework.stereotype.Component;

/**
 * Sanya demo data: 120 units with 130 service liaisons (the figure in the seeds), certified high-level talent,
 * 候鸟 experts wintering October–May (last season ended, this season under way), silver-elite rehires, and needs
 * posted by villages named in the seeds (大茅村, 南山村, 水南村, 博后村, 金鸡岭路社区), a school and a hospital.
 * Everything goes through the same commands as the API, keyed by natural keys (ID number, liaison id, need id),
 * so events flow and a second run changes nothing. ID and phone numbers are made up.
 */
@Component
class TalentDemoData implements DemoData {

    private static final Caller ADMIN = Caller.of("admin", "demo-data");
    private static final String[] NAMED_UNITS = {
        "三亚市人民医院", "三亚中心医院", "三亚市中医院", "三亚市第一中学", "三亚市教育局", "崖州湾科技城管理局",
        "南繁科研育种基地", "三亚学院", "海南热带海洋学院", "天涯区委人才工作办公室", "吉阳区委人才工作办公室",
        "海棠区委人才工作办公室", "崖州区委人才工作办公室", "育才生态区人才工作办公室", "中央商务区管理局",
        "三亚市农业农村局", "三亚市卫生健康委员会", "三亚市旅游和文化广电体育局", "三亚市科技工业信息化局",
        "深海科学与工程研究所"};

    private record Person(String name, String gender, int birthYear, String title, String education,
                          List<String> expertise, String employer, String homeCity, Category category,
                          HighLevelClass cls, District district, List<VolunteerMode> modes, int unit,
                          boolean winter) {
    }

    private final TalentStore talents;
    private final LiaisonStore liaisons;
    private final NeedStore needs;
    private final TalentCommands talentCommands;
    private final NeedCommands needCommands;
    private final Clock clock;

    TalentDemoData(TalentStore talents, LiaisonStore liaisons, NeedStore needs, TalentCommands talentCommands,
                   NeedCommands needCommands, Clock clock) {
        this.talents = talents;
        this.liaisons = liaisons;
        this.needs = needs;
        this.talentCommands = talentCommands;
        this.needCommands = needCommands;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "talent";
    }

    static String unitId(int i) {
        return String.format("unit-%03d", i);
    }

    static String unitName(int i) {
        return i <= NAMED_UNITS.length ? NAMED_UNITS[i - 1] : String.format("三亚市人才服务联系单位%03d", i);
    }

    @Override
    public Map<String, Long> load(MongoDatabase database) {
        District[] districts = District.values();
        int liaisonNo = 0;
        for (int u = 1; u <= 120; u++) {
            // 130 liaisons over 120 units: the first ten units (hospitals, schools, the science city) have two.
            int perUnit = u <= 10 ? 2 : 1;
            for (int k = 0; k < perUnit; k++) {
                liaisonNo++;
                liaisons.upsert(new LiaisonStore.Liaison(String.format("liaison-%03d", liaisonNo),
                        "联络员" + liaisonNo + "号", unitId(u), unitName(u), districts[(u - 1) % districts.length],
                        u <= 10 ? 30 : 20, 0));
            }
        }

        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        int seasonYear = today.getMonthValue() >= 6 ? today.getYear() : today.getYear() - 1;
        List<String> ids = new ArrayList<>();
        List<Person> people = people();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            String idNumber = String.format("460200%04d01%02d%03d", p.birthYear(), i % 28 + 1, i) + "X";
            TalentRecord t = talents.findByIdNumber(idNumber).orElse(null);
            if (t == null) {
                t = talentCommands.register(Caller.of("station", "station-demo"), new TalentStore.NewTalent(null,
                        p.name(), p.gender(), p.birthYear(), idNumber, String.format("1390898%04d", i), null,
                        p.education(), p.title(), p.expertise(), List.of(), p.employer(), p.homeCity(),
                        unitId(p.unit()), p.category(), p.cls(), i % 3 == 0, p.district(), p.modes(), null, null));
            }
            if (t.status() == TalentStatus.PENDING) {
                t = talentCommands.review(Caller.of("reviewer", "reviewer-demo"), t.id(),
                        Certification.Decision.CERTIFY, null, "材料齐全，符合认定标准");
            }
            if (p.winter() && t.stays().isEmpty()) {
                talentCommands.addStay(ADMIN, t.id(), LocalDate.of(seasonYear - 1, 10, 20 + i % 10),
                        LocalDate.of(seasonYear, 4, 10 + i % 15), p.district(), "三亚湾候鸟公寓");
                TalentRecord again = talentCommands.get(t.id());
                talentCommands.endStay(ADMIN, t.id(), again.stays().get(0).stay().id(),
                        LocalDate.of(seasonYear, 4, 10 + i % 15));
                talentCommands.addStay(ADMIN, t.id(), LocalDate.of(seasonYear, 10, 15 + i % 10),
                        LocalDate.of(seasonYear + 1, 5, 1 + i % 20), p.district(), "三亚湾候鸟公寓");
            }
            ids.add(t.id());
        }

        postNeed("need-damao-clinic", "大茅村 冬季心血管义诊", NeedPoster.VILLAGE, "大茅村",
                List.of("medicine/cardiology"), District.JY, LocalDate.of(seasonYear, 12, 5),
                LocalDate.of(seasonYear, 12, 6), 2, VolunteerMode.CLINIC);
        postNeed("need-damao-fruit", "大茅村 芒果种植技术指导", NeedPoster.VILLAGE, "大茅村",
                List.of("agriculture/tropical-fruit"), District.JY, LocalDate.of(seasonYear + 1, 1, 10),
                LocalDate.of(seasonYear + 1, 1, 20), 1, VolunteerMode.PROJECT);
        postNeed("need-nanshan-seed", "南山村 南繁制种田间咨询", NeedPoster.VILLAGE, "南山村",
                List.of("agriculture/seed-breeding"), District.YZ, LocalDate.of(seasonYear, 12, 15),
                LocalDate.of(seasonYear, 12, 16), 2, VolunteerMode.CONSULTING);
        postNeed("need-shuinan-heritage", "水南村 古村落文化讲座", NeedPoster.VILLAGE, "水南村",
                List.of("culture/li-miao-heritage"), District.YZ, LocalDate.of(seasonYear + 1, 2, 20),
                LocalDate.of(seasonYear + 1, 2, 20), 1, VolunteerMode.LECTURE);
        postNeed("need-bohou-tourism", "博后村 民宿经营与乡村旅游咨询", NeedPoster.VILLAGE, "博后村",
                List.of("economics/tourism"), District.HT, LocalDate.of(seasonYear + 1, 3, 1),
                LocalDate.of(seasonYear + 1, 3, 3), 1, VolunteerMode.CONSULTING);
        postNeed("need-jinjiling-elderly", "金鸡岭路社区 老年慢病健康讲座", NeedPoster.VILLAGE, "金鸡岭路社区",
                List.of("medicine/geriatrics"), District.TY, LocalDate.of(seasonYear + 1, 1, 8),
                LocalDate.of(seasonYear + 1, 1, 8), 1, VolunteerMode.LECTURE);
        postNeed("need-school-math", "三亚市第一中学 高三数学辅导", NeedPoster.SCHOOL, "三亚市第一中学",
                List.of("education/mathematics"), District.TY, LocalDate.of(seasonYear + 1, 3, 2),
                LocalDate.of(seasonYear + 1, 4, 30), 2, VolunteerMode.TEACHING);
        postNeed("need-hospital-summer", "三亚市中医院 暑期儿科坐诊", NeedPoster.HOSPITAL, "三亚市中医院",
                List.of("medicine/pediatrics"), District.JY, LocalDate.of(seasonYear + 1, 7, 1),
                LocalDate.of(seasonYear + 1, 7, 31), 1, VolunteerMode.CLINIC);

        Map<String, Long> counts = new LinkedHashMap<>();
        for (String c : List.of(TalentStore.COLLECTION, LiaisonStore.COLLECTION, NeedStore.COLLECTION)) {
            counts.put(c, database.getCollection(c).countDocuments());
        }
        return counts;
    }

    private void postNeed(String id, String title, NeedPoster kind, String poster, List<String> tags,
                          District district, LocalDate from, LocalDate to, int people, VolunteerMode mode) {
        if (needs.find(id).isPresent()) {
            return;
        }
        needCommands.post(Caller.of("unit", "demo-" + poster), new NeedStore.Need(id, 0, title, title + "（示例需求）",
                kind, poster, tags, district, from, to, people, 0, people, mode, "OPEN", null));
    }

    private static List<Person> people() {
        List<VolunteerMode> all = List.of(VolunteerMode.values());
        return List.of(
                new Person("陈立华", "M", 1962, "主任医师", "博士", List.of("medicine/cardiology"), "三亚中心医院",
                        "三亚", Category.HIGH_LEVEL, HighLevelClass.B, District.JY, List.of(VolunteerMode.CLINIC,
                        VolunteerMode.LECTURE), 2, false),
                new Person("林海燕", "F", 1975, "研究员", "博士", List.of("agriculture/seed-breeding"),
                        "南繁科研育种基地", "三亚", Category.HIGH_LEVEL, HighLevelClass.C, District.YZ, all, 7, false),
                new Person("黄志强", "M", 1970, "教授", "博士", List.of("science/deep-sea", "engineering/marine"),
                        "深海科学与工程研究所", "三亚", Category.HIGH_LEVEL, HighLevelClass.A, District.YZ,
                        List.of(VolunteerMode.LECTURE, VolunteerMode.PROJECT), 20, false),
                new Person("吴晓梅", "F", 1981, "副教授", "博士", List.of("economics/tourism"), "三亚学院", "三亚",
                        Category.HIGH_LEVEL, HighLevelClass.D, District.JY, List.of(VolunteerMode.CONSULTING,
                        VolunteerMode.LECTURE), 8, false),
                new Person("符永清", "M", 1968, "高级农艺师", "本科", List.of("agriculture/tropical-fruit"),
                        "三亚市农业农村局", "三亚", Category.HIGH_LEVEL, HighLevelClass.E, District.TY, all, 16, false),
                new Person("周德明", "M", 1950, "教授", "博士", List.of("medicine/cardiology", "medicine/geriatrics"),
                        "北京协和医院（退休）", "北京", Category.MIGRATORY, null, District.JY,
                        List.of(VolunteerMode.CLINIC, VolunteerMode.LECTURE), 1, true),
                new Person("孙桂兰", "F", 1953, "主任医师", "硕士", List.of("medicine/pediatrics"),
                        "哈尔滨医科大学附属医院（退休）", "哈尔滨", Category.MIGRATORY, null, District.TY,
                        List.of(VolunteerMode.CLINIC), 3, true),
                new Person("郑国栋", "M", 1948, "院士", "博士", List.of("agriculture/seed-breeding"),
                        "中国农业大学（退休）", "北京", Category.MIGRATORY, null, District.YZ, all, 7, true),
                new Person("王淑芬", "F", 1956, "特级教师", "本科", List.of("education/mathematics"),
                        "沈阳市第二中学（退休）", "沈阳", Category.SILVER_ELITE, null, District.TY,
                        List.of(VolunteerMode.TEACHING, VolunteerMode.LECTURE), 4, true),
                new Person("刘建军", "M", 1955, "高级讲师", "本科", List.of("culture/li-miao-heritage", "culture/art"),
                        "吉林艺术学院（退休）", "长春", Category.MIGRATORY, null, District.YZ,
                        List.of(VolunteerMode.LECTURE), 18, true),
                new Person("赵丽娟", "F", 1958, "教授", "博士", List.of("economics/tourism", "economics/trade"),
                        "上海财经大学（退休）", "上海", Category.MIGRATORY, null, District.HT,
                        List.of(VolunteerMode.CONSULTING, VolunteerMode.LECTURE), 15, true),
                new Person("杨文博", "M", 1952, "主任医师", "本科", List.of("medicine/traditional-chinese"),
                        "天津中医药大学（退休）", "天津", Category.SILVER_ELITE, null, District.JY,
                        List.of(VolunteerMode.CLINIC), 3, true),
                new Person("何小龙", "M", 1990, "工程师", "硕士", List.of("engineering/software"), "崖州湾科技城管理局",
                        "三亚", Category.GENERAL, null, District.YZ, List.of(VolunteerMode.PROJECT,
                        VolunteerMode.TEACHING), 6, false));
    }
}
