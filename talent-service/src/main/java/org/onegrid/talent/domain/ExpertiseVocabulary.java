package org.onegrid.talent.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The controlled, hierarchical vocabulary of expertise: paths such as {@code medicine/cardiology}. Tags outside it
 * go into a talent's free tags. Matching gives full credit to a tag or any tag below it, and part credit to a
 * parent or a sibling, because a general physician can still help with a cardiology clinic, only less well.
 */
public final class ExpertiseVocabulary {

    public static final double EXACT = 1.0;
    public static final double PARENT = 0.5;
    public static final double SIBLING = 0.25;

    private static final Set<String> TAGS = new TreeSet<>(List.of(
            "medicine", "medicine/cardiology", "medicine/pediatrics", "medicine/geriatrics", "medicine/oncology",
            "medicine/traditional-chinese", "medicine/general-practice", "medicine/nursing",
            "education", "education/mathematics", "education/chinese", "education/english", "education/physics",
            "education/preschool", "education/music",
            "agriculture", "agriculture/tropical-fruit", "agriculture/seed-breeding", "agriculture/aquaculture",
            "agriculture/plant-protection",
            "engineering", "engineering/civil", "engineering/marine", "engineering/software",
            "economics", "economics/finance", "economics/tourism", "economics/trade",
            "law", "law/civil", "law/administrative",
            "culture", "culture/art", "culture/li-miao-heritage",
            "science", "science/marine-biology", "science/ecology", "science/deep-sea"));

    private ExpertiseVocabulary() {
    }

    public static Set<String> all() {
        return TAGS;
    }

    public static boolean isKnown(String tag) {
        return TAGS.contains(tag);
    }

    /** {@code medicine/cardiology} → [medicine, medicine/cardiology]. */
    public static List<String> selfAndAncestors(String tag) {
        List<String> out = new ArrayList<>();
        int i = -1;
        while ((i = tag.indexOf('/', i + 1)) > 0) {
            out.add(tag.substring(0, i));
        }
        out.add(tag);
        return out;
    }

    /** Every tag and its ancestors: what a search by a broader tag must find. */
    public static List<String> expand(Collection<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        tags.forEach(t -> out.addAll(selfAndAncestors(t)));
        return List.copyOf(out);
    }

    static String parent(String tag) {
        int i = tag.lastIndexOf('/');
        return i < 0 ? null : tag.substring(0, i);
    }

    /** How well one held tag covers one required tag. */
    public static double credit(String required, String held) {
        if (held.equals(required) || held.startsWith(required + "/")) {
            return EXACT;
        }
        if (required.startsWith(held + "/")) {
            return PARENT;
        }
        String p = parent(required);
        if (p != null && p.equals(parent(held))) {
            return SIBLING;
        }
        return 0.0;
    }
}
