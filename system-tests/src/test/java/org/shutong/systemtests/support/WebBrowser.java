package org.shutong.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at Debian's headless Chromium, driven through its chromedriver, on the
 * gateway's pages: signs in through the real sign-in form, takes screenshots into
 * {@code target/screenshots}, and downloads into a folder of its own.
 */
public final class WebBrowser implements AutoCloseable {

	/** A phone's viewport (CSS pixels), the narrowest the pages are made for. */
	public static final Dimension PHONE = new Dimension(360, 740);

	public static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Path SCREENSHOTS = Path.of(System.getProperty("shutong.screenshots", "target/screenshots"));

	private final RunningPlatform platform;

	private final Path downloads;

	private final ChromeDriver driver;

	public WebBrowser(RunningPlatform platform) {
		this.platform = platform;
		try {
			this.downloads = Files.createTempDirectory("shutong-downloads-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("shutong.chromium", "/usr/bin/chromium"));
		// No network beyond loopback here: Chromium's background services would only
		// fail.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=zh-CN", "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", this.downloads.toString(),
				"download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(
					Path.of(System.getProperty("shutong.chromedriver", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Opens a page of the gateway. */
	public WebBrowser open(String path) {
		this.driver.get(this.platform.gatewayUri(path).toString());
		return this;
	}

	public URI currentUri() {
		return URI.create(this.driver.getCurrentUrl());
	}

	/**
	 * Opens a page that needs a sign-in and signs in on the form it is sent to; returns
	 * on the page asked for.
	 */
	public WebBrowser signIn(String path, String username) {
		open(path);
		assertThat(currentUri().getPath()).as("sent to the sign-in form").isEqualTo("/login");
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(this.platform.demo().password(username));
		submit(this.driver.findElement(By.cssSelector("form.form button[type=submit]")));
		waitUntil((driver) -> currentUri().getPath().equals(path));
		return this;
	}

	/**
	 * Clicks what sends the browser to another page and waits until that page has loaded:
	 * a click returns before the navigation it starts, which a busy machine makes
	 * visible.
	 */
	public WebBrowser submit(WebElement button) {
		WebElement page = find("html");
		button.click();
		waitUntil((driver) -> isGone(page));
		waitUntil(
				(driver) -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))
						&& !driver.findElements(By.id("main")).isEmpty());
		return this;
	}

	/**
	 * Whether the element's document has been replaced. Chrome reports an element of a
	 * document that is being replaced either as stale or, now and then, as a node that
	 * does not belong to the document.
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	public <T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(condition);
	}

	/** Signs out with the button every page has. */
	public WebBrowser signOut() {
		submit(this.driver.findElement(By.cssSelector("form[action='/logout'] button")));
		return this;
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public String text(String css) {
		return find(css).getText();
	}

	public String heading() {
		return text("h1");
	}

	public String pageSource() {
		return this.driver.getPageSource();
	}

	public Cookie sessionCookie() {
		return this.driver.manage().getCookieNamed("SHUTONG_SESSION");
	}

	public void resize(Dimension size) {
		this.driver.manage().window().setSize(size);
	}

	/** Whether the page is wider than the viewport, so that it would scroll sideways. */
	public boolean scrollsSideways() {
		Object overflow = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
		return Boolean.TRUE.equals(overflow);
	}

	/** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), file,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** Waits until a download with this name has finished and returns its bytes. */
	public byte[] downloaded(String fileName, Duration timeout) throws InterruptedException {
		Path file = this.downloads.resolve(fileName);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isRegularFile(file) && !Files.exists(this.downloads.resolve(fileName + ".crdownload"))) {
				try {
					return Files.readAllBytes(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no download " + fileName + " within " + timeout);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
