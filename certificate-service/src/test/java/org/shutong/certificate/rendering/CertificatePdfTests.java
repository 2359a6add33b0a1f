package org.shutong.certificate.rendering;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class CertificatePdfTests extends CertificateTest {

	@Test
	void thePdfShowsTheCertificateAndCarriesItsSignedJsonAndQrCode() throws Exception {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String issued = issue(type, request(type, idNumber));
		String id = read(issued, "$.id");

		MvcTestResult pdf = get("/api/certificates/" + id + "/pdf", citizen(idNumber));

		assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		assertThat(pdf).headers().hasValue("Content-Disposition", "attachment; filename=\"" + id + ".pdf\"");
		try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(document.getDocumentInformation().getSubject()).isEqualTo(id);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("居住证", "张三", "杭州市西湖区", "居住地址", id, type.issuerDepartmentCode(), "有效 VALID",
					"电子证照专用章");
			assertThat(text).doesNotContain(idNumber);

			PDComplexFileSpecification attached = document.getDocumentCatalog()
				.getNames()
				.getEmbeddedFiles()
				.getNames()
				.get(CertificatePdf.ATTACHMENT);
			String json = new String(attached.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
			assertThat(this.json.readTree(json)).isEqualTo(this.json.readTree(issued));
			assertThat(post("/api/verify", null, json)).bodyJson().extractingPath("$.status").isEqualTo("VALID");

			var page = document.getPage(0).getResources();
			PDImageXObject qr = (PDImageXObject) page.getXObject(page.getXObjectNames().iterator().next());
			String payload = CertificateQrTests.decode(png(qr));
			assertThat(post("/api/verify", null, Map.of("qr", payload))).bodyJson()
				.extractingPath("$.certificateId")
				.isEqualTo(id);
		}
		assertThat(auditEvents(id)).anySatisfy((event) -> assertThat(event.details()).containsEntry("format", "PDF"));
	}

	@Test
	void aRevokedCertificatesPdfSaysSoAndOnlyItsHolderOrIssuerGetsOne() throws Exception {
		String idNumber = idNumber();
		CertificateType type = personType(department(), null);
		String id = read(issue(type, request(type, idNumber)), "$.id");
		assertThat(post("/api/certificates/" + id + "/revocation", issuerSystem(type.issuerDepartmentCode()),
				Map.of("reason", "证件信息有误")))
			.hasStatusOk();

		MvcTestResult pdf = get("/api/certificates/" + id + "/pdf", issuerSystem(type.issuerDepartmentCode()));

		assertThat(pdf).hasStatusOk();
		try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(document)).contains("已撤销 REVOKED");
		}
		assertProblem(get("/api/certificates/" + id + "/pdf", citizen(idNumber())), HttpStatus.NOT_FOUND, "NOT_FOUND");
		assertThat(get("/api/certificates/" + id + "/pdf", null)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private static byte[] png(PDImageXObject image) throws Exception {
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image.getImage(), "PNG", out);
		return out.toByteArray();
	}

}
