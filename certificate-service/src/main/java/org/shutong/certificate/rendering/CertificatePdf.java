package org.shutong.certificate.rendering;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.shutong.certificate.issuance.CanonicalJson;
import org.shutong.certificate.issuance.CertificateDocuments;
import org.shutong.certificate.issuance.CertificateStatus;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.CertificateTypeRepository;
import org.shutong.certificate.type.SurfaceField;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A certificate as a one-page A4 PDF for its holder: the type's name, the surface fields
 * under their labels, identifier, issuer, dates and status, the issuer's seal and the QR
 * code. The certificate's JSON, exactly as the API returns it with its signature, is
 * attached as {@code certificate.json}, so the PDF can be verified again.
 */
@Component
public class CertificatePdf {

	public static final String ATTACHMENT = "certificate.json";

	private static final Color SEAL_RED = new Color(200, 16, 46);

	private static final Map<CertificateStatus, String> STATUS_NAMES = Map.of(CertificateStatus.VALID, "有效 VALID",
			CertificateStatus.SUSPENDED, "暂扣 SUSPENDED", CertificateStatus.REVOKED, "已撤销 REVOKED",
			CertificateStatus.EXPIRED, "已过期 EXPIRED");

	private final CertificateTypeRepository types;

	private final CertificateQr qr;

	private final CjkFont fonts;

	CertificatePdf(CertificateTypeRepository types, CertificateQr qr, CjkFont fonts) {
		this.types = types;
		this.qr = qr;
		this.fonts = fonts;
	}

	@Transactional(readOnly = true)
	public byte[] render(StoredCertificate certificate, CertificateStatus status) {
		CertificateType type = this.types.findById(certificate.typeCode()).orElseThrow();
		JsonNode document = CanonicalJson.parse(certificate.document());
		List<AutoCloseable> open = new ArrayList<>();
		try (PDDocument pdf = new PDDocument()) {
			PDFont font = this.fonts.load(pdf, open);
			PDPage page = new PDPage(PDRectangle.A4);
			pdf.addPage(page);
			PDImageXObject code = LosslessFactory.createFromImage(pdf,
					ImageIO.read(new ByteArrayInputStream(this.qr.png(this.qr.payload(certificate)))));
			try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
				new Layout(out, font, page.getMediaBox()).draw(type, document, certificate, status, code);
			}
			attach(pdf, CertificateDocuments.view(certificate, status).toString());
			describe(pdf, type, certificate);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			pdf.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			open.forEach(CertificatePdf::closeQuietly);
		}
	}

	private static void attach(PDDocument pdf, String json) throws IOException {
		PDEmbeddedFile file = new PDEmbeddedFile(pdf, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		file.setSubtype("application/json");
		file.setSize(json.getBytes(StandardCharsets.UTF_8).length);
		PDComplexFileSpecification specification = new PDComplexFileSpecification();
		specification.setFile(ATTACHMENT);
		specification.setFileUnicode(ATTACHMENT);
		specification.setEmbeddedFile(file);
		specification.setEmbeddedFileUnicode(file);
		specification.setFileDescription("The signed certificate (verify with POST /api/verify)");
		PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
		files.setNames(Map.of(ATTACHMENT, specification));
		PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
		names.setEmbeddedFiles(files);
		pdf.getDocumentCatalog().setNames(names);
	}

	private static void describe(PDDocument pdf, CertificateType type, StoredCertificate certificate) {
		PDDocumentInformation info = pdf.getDocumentInformation();
		info.setTitle(type.name() + " " + certificate.id());
		info.setSubject(certificate.id());
		info.setKeywords(certificate.id());
		info.setCreator("Shutong certificate-service");
		Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		issued.setTimeInMillis(certificate.issuedAt().toEpochMilli());
		info.setCreationDate(issued);
	}

	private static void closeQuietly(AutoCloseable resource) {
		try {
			resource.close();
		}
		catch (Exception ex) {
			// Only read from memory; nothing to release but the buffers.
		}
	}

	/** Where each part goes on the page, in points from the bottom left. */
	private final class Layout {

		private static final float MARGIN = 56;

		private final PDPageContentStream out;

		private final PDFont font;

		private final PDRectangle box;

		private float y;

		Layout(PDPageContentStream out, PDFont font, PDRectangle box) {
			this.out = out;
			this.font = font;
			this.box = box;
			this.y = box.getHeight() - MARGIN;
		}

		void draw(CertificateType type, JsonNode document, StoredCertificate certificate, CertificateStatus status,
				PDImageXObject code) throws IOException {
			frame();
			centered(type.name(), 24, 12);
			centered("电子证照 Electronic certificate", 11, 30);
			JsonNode holder = document.path("holder");
			row("持证人 Holder", holder.path("name").asString(""));
			row("证件号码 ID number", holder.path("idNumberMasked").asString(""));
			JsonNode fields = document.path("fields");
			for (SurfaceField field : type.fields()) {
				if (fields.has(field.name())) {
					row(field.label(), fields.path(field.name()).asString(fields.path(field.name()).toString()));
				}
			}
			this.y -= 8;
			row("证照标识 Identifier", certificate.id());
			row("发证机关 Issuer", certificate.issuerDepartmentCode());
			row("签发时间 Issued", document.path("issuedAt").asString(""));
			row("有效期 Valid", document.path("validFrom").asString("") + " — "
					+ document.path("validUntil").asString("长期 no end"));
			row("状态 Status", STATUS_NAMES.get(status));
			this.out.drawImage(code, MARGIN + 8, MARGIN + 8, 150, 150);
			text("扫码核验 Scan to verify", 9, MARGIN + 30, MARGIN);
			seal(this.box.getWidth() - MARGIN - 90, MARGIN + 90, certificate.issuerDepartmentCode());
			if (status != CertificateStatus.VALID) {
				stamp(STATUS_NAMES.get(status));
			}
		}

		private void frame() throws IOException {
			this.out.setStrokingColor(new Color(120, 120, 120));
			this.out.setLineWidth(1.2f);
			this.out.addRect(MARGIN - 16, MARGIN - 16, this.box.getWidth() - 2 * (MARGIN - 16),
					this.box.getHeight() - 2 * (MARGIN - 16));
			this.out.stroke();
		}

		private void centered(String text, float size, float below) throws IOException {
			String writable = CertificatePdf.this.fonts.writable(text);
			float width = this.font.getStringWidth(writable) / 1000 * size;
			this.y -= below;
			text(writable, size, (this.box.getWidth() - width) / 2, this.y);
			this.y -= size;
		}

		private void row(String label, String value) throws IOException {
			this.y -= 22;
			text(label, 10, MARGIN, this.y);
			float size = (value.length() > 48) ? 8.5f : 11;
			text(value, size, MARGIN + 150, this.y);
		}

		private void text(String text, float size, float x, float y) throws IOException {
			this.out.beginText();
			this.out.setNonStrokingColor(Color.BLACK);
			this.out.setFont(this.font, size);
			this.out.newLineAtOffset(x, y);
			this.out.showText(CertificatePdf.this.fonts.writable(text));
			this.out.endText();
		}

		/** The issuer's seal: two red rings, a star, and the seal's words. */
		private void seal(float cx, float cy, String issuer) throws IOException {
			this.out.setStrokingColor(SEAL_RED);
			this.out.setNonStrokingColor(SEAL_RED);
			this.out.setLineWidth(3);
			circle(cx, cy, 64);
			this.out.setLineWidth(1);
			circle(cx, cy, 57);
			star(cx, cy + 12, 20);
			String words = CertificatePdf.this.fonts.writable("电子证照专用章");
			float width = this.font.getStringWidth(words) / 1000 * 11;
			this.out.beginText();
			this.out.setFont(this.font, 11);
			this.out.newLineAtOffset(cx - width / 2, cy - 24);
			this.out.showText(words);
			this.out.endText();
			float codeWidth = this.font.getStringWidth(issuer) / 1000 * 6;
			this.out.beginText();
			this.out.setFont(this.font, 6);
			this.out.newLineAtOffset(cx - codeWidth / 2, cy - 38);
			this.out.showText(issuer);
			this.out.endText();
		}

		private void circle(float cx, float cy, float r) throws IOException {
			float k = 0.552284749f * r;
			this.out.moveTo(cx + r, cy);
			this.out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
			this.out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
			this.out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
			this.out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
			this.out.stroke();
		}

		private void star(float cx, float cy, float r) throws IOException {
			for (int i = 0; i < 10; i++) {
				double angle = Math.PI / 2 + i * Math.PI / 5;
				float radius = (i % 2 == 0) ? r : r * 0.382f;
				float x = cx + (float) (radius * Math.cos(angle));
				float y = cy + (float) (radius * Math.sin(angle));
				if (i == 0) {
					this.out.moveTo(x, y);
				}
				else {
					this.out.lineTo(x, y);
				}
			}
			this.out.closePath();
			this.out.fill();
		}

		/** A translucent diagonal notice over a certificate that is not valid. */
		private void stamp(String notice) throws IOException {
			PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
			translucent.setNonStrokingAlphaConstant(0.25f);
			this.out.saveGraphicsState();
			this.out.setGraphicsStateParameters(translucent);
			this.out.beginText();
			this.out.setNonStrokingColor(SEAL_RED);
			this.out.setFont(this.font, 54);
			this.out.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(35), 120, 260));
			this.out.showText(CertificatePdf.this.fonts.writable(notice));
			this.out.endText();
			this.out.restoreGraphicsState();
		}

	}

}
