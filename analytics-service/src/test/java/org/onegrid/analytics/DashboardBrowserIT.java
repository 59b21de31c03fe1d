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
        AnalyticsTestSupport.await("the views hold the new tickets", () -> overall().path("received").asLong() >= 2
                && overall().path("rated").asLong() >= 1);
        JsonNode api = overall();

        browser.get("http://127.0.0.1:" + port + "/dashboard/");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        assertThat(text("kpi-received")).isEqualTo(api.path("received").asString());
        assertThat(percent("kpi-completion")).isEqualByComparingTo(api.path("completionRate").decimalValue());
        assertThat(percent("kpi-satisfaction")).isEqualByComparingTo(api.path("satisfactionRate").decimalValue());
        assertThat(text("kpi-completion")).matches("\\d+\\.\\d{2}%");
        assertThat(text("kpi-overdue")).isEqualTo(api.path("openOverdue").asString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("三亚网格治理数据看板");
        assertThat(browser.findElement(By.id("league")).getText()).contains("吉阳区");

        browser.findElement(By.cssSelector("[data-testid=lang-switch]")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sanya grid governance dashboard");
        assertThat(browser.findElement(By.id("league")).getText()).contains("Jiyang");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", "dashboard-en.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
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
