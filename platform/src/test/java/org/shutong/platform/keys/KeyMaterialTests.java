package org.shutong.platform.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyMaterialTests {

	@TempDir
	Path dir;

	@Test
	void usesTheConfiguredKeyWithoutTouchingTheFile() {
		byte[] key = new byte[32];
		key[0] = 7;
		byte[] resolved = KeyMaterial.resolve("k", Base64.getEncoder().encodeToString(key), this.dir.resolve("k.key"),
				true, 32);
		assertThat(resolved).isEqualTo(key);
		assertThat(this.dir.resolve("k.key")).doesNotExist();
	}

	@Test
	void generatesOnceAndReadsTheSameKeyAfterwards() throws Exception {
		Path file = this.dir.resolve("keys/k.key");
		byte[] first = KeyMaterial.resolve("k", "", file, true, 32);
		byte[] second = KeyMaterial.resolve("k", null, file, true, 32);
		assertThat(first).hasSize(32).isEqualTo(second);
		assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void refusesToGenerateWhereKeysMustBeGiven() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyMaterial.resolve("shutong.x", "", this.dir.resolve("k.key"), false, 32))
			.withMessageContaining("shutong.x is not set");
		assertThat(this.dir.resolve("k.key")).doesNotExist();
	}

	@Test
	void refusesAKeyOfTheWrongLength() {
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyMaterial.resolve("shutong.x", Base64.getEncoder().encodeToString(new byte[16]),
					this.dir.resolve("k.key"), true, 32))
			.withMessageContaining("must be 32 bytes");
	}

}
