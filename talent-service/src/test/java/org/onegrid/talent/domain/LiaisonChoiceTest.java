package org.onegrid.talent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LiaisonChoiceTest {

    @Test
    void prefersTheTalentsOwnUnitThenTheDistrictWithTheMostFreePlaces() {
        var unitFull = new LiaisonChoice.Load("l-unit-full", "u-hospital", District.JY, 3, 3);
        var unitOpen = new LiaisonChoice.Load("l-unit", "u-hospital", District.JY, 3, 2);
        var districtRoomy = new LiaisonChoice.Load("l-district", "u-other", District.JY, 10, 1);
        var elsewhere = new LiaisonChoice.Load("l-far", "u-far", District.YZ, 50, 0);
        List<LiaisonChoice.Load> all = List.of(unitFull, unitOpen, districtRoomy, elsewhere);

        assertThat(LiaisonChoice.pick(all, "u-hospital", District.JY, null)).contains(unitOpen);
        assertThat(LiaisonChoice.pick(all, "u-school", District.JY, null)).contains(districtRoomy);
        assertThat(LiaisonChoice.pick(all, null, District.HT, null)).isEmpty();
        assertThat(LiaisonChoice.pick(all, "u-hospital", District.JY, "l-unit")).contains(districtRoomy);
    }

    @Test
    void aBatchSpreadsEvenlyOverEqualLiaisons() {
        List<LiaisonChoice.Load> loads = new ArrayList<>(List.of(
                new LiaisonChoice.Load("l1", "u", District.TY, 10, 0),
                new LiaisonChoice.Load("l2", "u", District.TY, 10, 0),
                new LiaisonChoice.Load("l3", "u", District.TY, 10, 0)));
        for (int i = 0; i < 11; i++) {
            Optional<LiaisonChoice.Load> pick = LiaisonChoice.pick(loads, "u", District.TY, null);
            LiaisonChoice.Load p = pick.orElseThrow();
            loads.set(loads.indexOf(p), new LiaisonChoice.Load(p.liaisonId(), p.unitId(), p.district(), p.capacity(),
                    p.assigned() + 1));
        }
        assertThat(loads).extracting(LiaisonChoice.Load::assigned).containsExactly(4, 4, 3);
    }
}
