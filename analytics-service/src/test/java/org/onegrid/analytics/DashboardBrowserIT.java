package org.onegrid.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onegrid.events.EventEnvelope;
import org.onegrid.events.center.CenterEvents;
import org.onegrid.events.talent.TalentEvents;
import org.onegrid.testing.WithInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the dashboard in headless Chromium (Debian's chromium + chromium-driver, never a downloaded browser), checks
 * that the figures it shows are the API's, switches the language and saves a screenshot under target/.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mongodb.database=it-analytics", "onegrid.analytics.metrics-refresh=500ms"})
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> template;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: no Chromium. Install Debian's browser to run it: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("onegrid-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheApiFiguresInChineseAndEnglish() throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        Instant at = Instant.parse("2026-11-03T02:00:00Z");
        events.addAll(TicketStory.reported("JY", "sanitation", at).accepted().dispatched().resolved(true, 3.0)
                .rated("SATISFIED").events());
        events.addAll(TicketStory.reported("JY", "sanitation", at).accepted().dispatched().events());
        AnalyticsTestSupport.publish(template, events);
        String source = "/onegrid/service-center-service";
        AnalyticsTestSupport.publishActivity(template, List.of(
                EventEnvelope.create(CenterEvents.WISH_POSTED, source, "bw1", new CenterEvents.WishPosted("bw1", "b9",
                        "C9", "HT", "HT-X", "study", 50, at), "it", at),
                EventEnvelope.create(CenterEvents.WISH_POSTED, source, "bw2", new CenterEvents.WishPosted("bw2", "b9",
                        "C9", "HT", "HT-X", "study", 50, at), "it", at),
                EventEnvelope.create(CenterEvents.WISH_FULFILLED, source, "bw1", new CenterEvents.WishFulfilled("bw1",
                        "b9", "C9", "HT", "HT-X", at.plusSeconds(3600)), "it", at),
                // A centre in 海棠 that reaches none of the sample points, so that the map has a centre and a circle.
                EventEnvelope.create(CenterEvents.CENTER_REGISTERED, source, "HT-BROWSER",
                        new CenterEvents.CenterRegistered("HT-BROWSER", "亚龙湾测试服务站", "STATION", "HT", "HT-X",
                                18.2300, 109.6600, List.of(), "24/7", at), "it", at),
                EventEnvelope.create(TalentEvents.STAY_STARTED, "/onegrid/talent-service", "bt1",
                        new TalentEvents.StayStarted("bt1", "bs1", "SNOWBIRD", List.of("medicine/tcm"), "HT",
                                "2026-11-01", "2027-01-15", List.of("2026-11", "2026-12", "2027-01")), "it", at)));
        AnalyticsTestSupport.await("the views hold the new tickets, wishes and stay", () ->
                overall().path("received").asLong() >= 2 && overall().path("rated").asLong() >= 1
                        && api("/centers/figures").path("wishes").path("fulfilled").asLong() >= 1
                        && api("/talent/figures").path("tide").size() >= 3
                        && api("/centers/map").path("centers").size() >= 1);
        // Other tests' events may still be landing in the shared views: compare the page with figures that did
        // not change while it loaded.
        JsonNode api = null;
        JsonNode centres = null;
        for (int attempt = 0; attempt < 10 && api == null; attempt++) {
            JsonNode before = overall();
            JsonNode centresBefore = api("/centers/figures");
            browser.get("http://127.0.0.1:" + port + "/dashboard/");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(
                    d.findElement(By.tagName("body")).getDomAttribute("data-activity-loaded")));
            if (before.equals(overall()) && centresBefore.equals(api("/centers/figures"))) {
                api = before;
                centres = centresBefore;
            }
        }
        assertThat(api).as("figures stable while the page loaded").isNotNull();
        JsonNode talent = api("/talent/figures");
        JsonNode map = api("/centers/map");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        assertThat(text("kpi-received")).isEqualTo(api.path("received").asString());
        assertThat(percent("kpi-completion")).isEqualByComparingTo(api.path("completionRate").decimalValue());
        assertThat(percent("kpi-satisfaction")).isEqualByComparingTo(api.path("satisfactionRate").decimalValue());
        assertThat(text("kpi-completion")).matches("\\d+\\.\\d{2}%");
        assertThat(text("kpi-overdue")).isEqualTo(api.path("openOverdue").asString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("三亚网格治理数据看板");
        assertThat(browser.findElement(By.id("league")).getText()).contains("吉阳区");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-activity-loaded")));
        assertThat(percent("kpi-wish-rate")).isEqualByComparingTo(centres.path("wishes").path("fulfilmentRate")
                .decimalValue());
        assertThat(text("kpi-visitors")).isEqualTo(centres.path("visitors").asString());
        assertThat(text("kpi-gaps")).isEqualTo(centres.path("coverageGaps").asString());
        assertThat(browser.findElement(By.cssSelector("#chart-tide canvas")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("chart-tide")).getDomAttribute("data-months"))
                .isEqualTo(String.valueOf(talent.path("tide").size()));
        assertThat(browser.findElement(By.cssSelector("#chart-map canvas")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("chart-map")).getDomAttribute("data-centres"))
                .isEqualTo(String.valueOf(map.path("centers").size()));

        browser.findElement(By.cssSelector("[data-testid=lang-switch]")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sanya grid governance dashboard");
        assertThat(browser.findElement(By.id("league")).getText()).contains("Jiyang");
        assertThat(browser.findElement(By.cssSelector("[data-testid=kpi-wish-rate]")).findElement(By.xpath(".."))
                .getText()).contains("Micro-wishes fulfilled");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", "dashboard-en.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('chart-map').scrollIntoView()");
        Path mapShot = Path.of("target", "screenshots", "dashboard-en-map.png");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), mapShot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(mapShot)).isPositive();
    }

    private JsonNode api(String path) {
        try {
            return JSON.readTree(AnalyticsTestSupport.get(port, "/api/analytics" + path).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private java.math.BigDecimal percent(String id) {
        return new java.math.BigDecimal(text(id).replace("%", ""));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private JsonNode overall() {
        try {
            JsonNode rows = JSON.readTree(AnalyticsTestSupport.get(port, "/api/analytics/tickets/figures").body())
                    .path("rows");
            return rows.isEmpty() ? JSON.createObjectNode() : rows.get(0).path("figures");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
