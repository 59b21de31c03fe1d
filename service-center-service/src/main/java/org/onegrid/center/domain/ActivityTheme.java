package org.onegrid.center.domain;

/** The menu of themed party-day activities (主题党日菜单式) that centres offer to every party organisation. */
public enum ActivityTheme {
    RED_LECTURE("红色讲堂"),
    READING_SALON("读书沙龙"),
    OATH_RENEWAL("重温入党誓词"),
    PARTY_HISTORY("党史学习教育"),
    VOLUNTEER_SERVICE("志愿服务"),
    FREE_CLINIC("义诊"),
    LEGAL_CONSULTATION("法律咨询"),
    POLICY_BRIEFING("政策宣讲"),
    RED_CINEMA("红色影院"),
    CULTURE_SPORTS("文体活动");

    private final String label;

    ActivityTheme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
