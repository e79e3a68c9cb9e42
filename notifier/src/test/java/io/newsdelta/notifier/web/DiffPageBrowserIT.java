package io.newsdelta.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.diffworker.version.ArticleText;
import io.newsdelta.diffworker.version.Observation;
import io.newsdelta.diffworker.version.Versioner;
import io.newsdelta.history.EventBatch;
import io.newsdelta.history.HistoryStore;
import io.newsdelta.notifier.view.HistoryView;
import io.newsdelta.notifier.view.Links;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed story's diff page in a real headless Chromium (Debian's chromium and chromium-driver, driven by
 * Selenium): what a reader sees, with screenshots kept under {@code target/screenshots}.
 */
class DiffPageBrowserIT {
  private static final String ARTICLE = "https://www.bbc.co.uk/news/uk-politics/8017262";
  /** The story as the demo publishes it (News Sniffer's versions 4 and 5), read from the demo's own fixtures. */
  private static final Path SEED = Path.of("..", "app", "src", "main", "resources", "demo");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static HistoryStore store;
  private static WebServer web;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("browser-it");
    store = HistoryStore.open("jdbc:sqlite:" + dir.resolve("history.db"));
    Instant t0 = Instant.parse("2009-04-27T10:00:00Z");
    Observation v4 = Versioner.observe(null, ARTICLE, ARTICLE, t0, seed("v4.txt"));
    Observation v5 = Versioner.observe(v4.state(), ARTICLE, ARTICLE, t0.plus(Duration.ofMinutes(40)), seed("v5.txt"));
    store.writer().apply(new EventBatch.Builder().add(v4.version()).add(v5.version()).add(v5.change()).build());
    web = new WebServer("127.0.0.1", 0, new HistoryView(store.reader(), Clock.systemUTC()), () -> true, store::ready,
        List.of());
    web.start();

    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1200,1600", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  private static ArticleText seed(String file) throws Exception {
    List<String> lines = Files.readAllLines(SEED.resolve(file));
    return new ArticleText(lines.get(0), null, null, lines.subList(1, lines.size()));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (web != null) {
      web.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private static void open(String path) {
    browser.get("http://127.0.0.1:" + web.port() + path);
  }

  private static void screenshot(String name) throws Exception {
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void shouldShowTheReaderTheHeadlineChangeAndTheRewrittenWordsOfTheSeedStory() throws Exception {
    open(Links.diff(ARTICLE, 1, 2));
    screenshot("seed-story-diff-inline.png");

    assertThat(browser.getTitle()).contains("Version 1 → 2").contains("Plan to monitor all internet use");
    assertThat(browser.findElement(By.cssSelector("h2.versions")).getText())
        .isEqualTo("Version 1 → Version 2 (40 minutes later)");
    WebElement headline = browser.findElement(By.cssSelector("p.headline"));
    assertThat(headline.findElement(By.tagName("del")).getText()).isEqualTo("Phone and email tracking plan due");
    assertThat(headline.findElement(By.tagName("ins")).getText()).isEqualTo("Plan to monitor all internet use");

    // Deleted words are struck through and inserted ones marked, as the reader sees them (computed styles).
    WebElement deleted = browser.findElement(By.xpath("//div[@class='inline']//del[contains(., 'Big Brother')]"));
    assertThat(deleted.isDisplayed()).isTrue();
    assertThat(deleted.getCssValue("text-decoration-line")).isEqualTo("line-through");
    WebElement inserted = browser.findElement(By.xpath("//div[@class='inline']//ins[contains(., 'modernise police surveillance')]"));
    assertThat(inserted.isDisplayed()).isTrue();
    assertThat(inserted.getCssValue("text-decoration-line")).isEqualTo("none");
    assertThat(inserted.getCssValue("background-color")).isEqualTo("rgba(221, 255, 221, 1)");
    assertThat(deleted.getCssValue("background-color")).isEqualTo("rgba(255, 221, 221, 1)");
  }

  @Test
  void shouldShowTheTwoVersionsSideBySideWithTheirParagraphsAligned() throws Exception {
    open(Links.sideBySide(ARTICLE, 1, 2));
    screenshot("seed-story-diff-side.png");

    List<WebElement> rows = browser.findElements(By.cssSelector("table.side tbody tr"));
    assertThat(rows).isNotEmpty();
    WebElement first = rows.get(0);
    List<WebElement> cells = first.findElements(By.tagName("td"));
    assertThat(cells.get(0).getText()).contains("Plans to track all e-mails");
    assertThat(cells.get(1).getText()).contains("Communications companies");
    // The two columns stand side by side, left then right, at the same height.
    assertThat(cells.get(0).getLocation().getY()).isEqualTo(cells.get(1).getLocation().getY());
    assertThat(cells.get(0).getLocation().getX()).isLessThan(cells.get(1).getLocation().getX());
    assertThat(cells.get(0).findElements(By.tagName("ins"))).isEmpty();
    assertThat(cells.get(1).findElements(By.tagName("del"))).isEmpty();
  }

  @Test
  void shouldWorkWithoutJavaScriptToChooseTwoOtherVersions() throws Exception {
    open(Links.diff(ARTICLE, 1, 2));
    browser.findElement(By.cssSelector("form.choose select[name=from] option[value='2']")).click();
    browser.findElement(By.cssSelector("form.choose button")).click();
    // the click submits the form; the new page comes when the browser has loaded it, not when click() returns
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("from=2"));
    assertThat(browser.getCurrentUrl()).contains("from=2").contains("to=2");
    assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("The text is the same");
  }
}
