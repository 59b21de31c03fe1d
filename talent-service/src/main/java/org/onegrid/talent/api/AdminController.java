package org.onegrid.talent.api;

import java.util.Map;

import org.onegrid.platform.service.ApiException;
import org.onegrid.talent.store.TalentStore;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations after a key rotation: call until it reports 0, then the retired key can leave the configuration. */
@RestController
@RequestMapping("/talent/admin")
class AdminController {

    private final TalentStore talents;

    AdminController(TalentStore talents) {
        this.talents = talents;
    }

    @PostMapping("/reencrypt")
    Map<String, Integer> reencrypt(@RequestHeader(value = Caller.ROLE_HEADER, required = false) String role,
                                   @RequestParam(defaultValue = "500") int batch) {
        if (!Caller.of(role, null).is("admin")) {
            throw ApiException.forbidden("only an administrator re-encrypts");
        }
        if (batch < 1 || batch > 5000) {
            throw ApiException.badRequest("batch", "must be between 1 and 5000");
        }
        return Map.of("reencrypted", talents.reencrypt(batch));
    }
}
