package org.onegrid.talent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TalentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TalentServiceApplication.class, args);
    }
}
