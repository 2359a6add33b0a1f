package org.shutong.certificate.rendering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The TrueType font a certificate's PDF writes Chinese with, embedded as a subset. The
 * JDK ships none, so it is taken from the configured file or the usual Debian places
 * ({@code apt-get install fonts-wqy-microhei}); without one the PDF is still made, with
 * every character outside ASCII written as {@code ?}, and a warning is logged once.
 */
@Component
class CjkFont {

	private static final Logger logger = LoggerFactory.getLogger(CjkFont.class);

	static final List<Path> SEARCHED = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
			Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
			Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
			Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

	private final byte @Nullable [] file;

	private final boolean collection;

	CjkFont(@Value("${shutong.certificate.pdf.font:}") String configured) {
		Optional<Path> found = configured.isBlank() ? SEARCHED.stream().filter(Files::isReadable).findFirst()
				: Optional.of(Path.of(configured));
		this.file = found.map(CjkFont::read).orElse(null);
		this.collection = found.map((path) -> path.toString().toLowerCase().endsWith(".ttc")).orElse(false);
		if (this.file == null) {
			logger.warn("No CJK TrueType font found ({} or shutong.certificate.pdf.font): certificate PDFs will show"
					+ " Chinese text as '?'. Install fonts-wqy-microhei.", SEARCHED);
		}
		else {
			logger.info("Certificate PDFs use the font {}", found.get());
		}
	}

	boolean available() {
		return this.file != null;
	}

	/**
	 * The font for one document; {@code open} holds what must stay open until the
	 * document is saved.
	 */
	PDFont load(PDDocument document, List<AutoCloseable> open) throws IOException {
		if (this.file == null) {
			return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		}
		TrueTypeFont font;
		if (this.collection) {
			TrueTypeCollection fonts = new TrueTypeCollection(new ByteArrayInputStream(this.file));
			open.add(fonts);
			AtomicReference<TrueTypeFont> first = new AtomicReference<>();
			fonts.processAllFonts((candidate) -> first.compareAndSet(null, candidate));
			font = first.get();
		}
		else {
			font = new TTFParser().parse(new RandomAccessReadBuffer(this.file));
			open.add(font);
		}
		return PDType0Font.load(document, font, true);
	}

	/** The text as this font can write it. */
	String writable(String text) {
		if (this.file != null) {
			return text;
		}
		StringBuilder ascii = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> ascii.append((c >= 32 && c < 127) ? (char) c : '?'));
		return ascii.toString();
	}

	private static byte[] read(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the PDF font " + path, ex);
		}
	}

}
