package org.shutong.certificate.access.web;

import java.time.Clock;

import org.shutong.certificate.access.HolderAccess;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.rendering.CertificatePdf;
import org.shutong.certificate.rendering.CertificateQr;
import org.shutong.platform.security.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A certificate's PDF and QR code, for the same people as the certificate itself.
 */
@RestController
class CertificateFileController {

	private final HolderAccess access;

	private final CertificatePdf pdf;

	private final CertificateQr qr;

	private final Clock clock;

	CertificateFileController(HolderAccess access, CertificatePdf pdf, CertificateQr qr, Clock clock) {
		this.access = access;
		this.pdf = pdf;
		this.qr = qr;
		this.clock = clock;
	}

	@GetMapping("/api/certificates/{id}/pdf")
	ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String id) {
		StoredCertificate certificate = this.access.open(caller, id, HolderAccess.Format.PDF);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(id + ".pdf").build().toString())
			.body(this.pdf.render(certificate, certificate.statusAt(this.clock)));
	}

	@GetMapping("/api/certificates/{id}/qr")
	ResponseEntity<byte[]> qr(Caller caller, @PathVariable String id) {
		StoredCertificate certificate = this.access.open(caller, id, HolderAccess.Format.QR);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(this.qr.png(this.qr.payload(certificate)));
	}

}
