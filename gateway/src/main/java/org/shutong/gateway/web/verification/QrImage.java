package org.shutong.gateway.web.verification;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads the text of a QR code in an uploaded picture (a screenshot or a photo of the
 * holder's phone), so a verifier without a scanner can still check it.
 */
final class QrImage {

	private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
			DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

	private QrImage() {
	}

	/** The QR code's text, or empty when the bytes are no picture or hold no QR code. */
	static Optional<String> read(InputStream picture) throws IOException {
		BufferedImage image = ImageIO.read(picture);
		if (image == null) {
			return Optional.empty();
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		try {
			return Optional.of(new QRCodeReader().decode(bitmap, HINTS).getText());
		}
		catch (NotFoundException | ChecksumException | FormatException ex) {
			return Optional.empty();
		}
	}

}
