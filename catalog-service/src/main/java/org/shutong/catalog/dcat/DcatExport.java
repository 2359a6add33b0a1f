package org.shutong.catalog.dcat;

import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.shutong.catalog.resource.DataItem;
import org.shutong.catalog.resource.DataResource;
import org.shutong.catalog.resource.SharingType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Writes the catalogue as one DCAT 3 {@code dcat:Catalog} in JSON-LD: a
 * {@code dcat:Dataset} per current published resource, streamed page by page so that the
 * whole catalogue is never held in memory.
 */
@Component
public class DcatExport {

	static final String DCAT = "http://www.w3.org/ns/dcat#";

	static final String DCT = "http://purl.org/dc/terms/";

	static final String FOAF = "http://xmlns.com/foaf/0.1/";

	/** Where the access rights of each sharing type are said. */
	static final String ACCESS_RIGHTS = "https://shutong.gov.cn/def/access-rights/";

	private static final int PAGE = 200;

	private final PublishedResources resources;

	private final JsonMapper json;

	DcatExport(PublishedResources resources, JsonMapper json) {
		this.resources = resources;
		this.json = json;
	}

	public void write(OutputStream out, String catalogUri) {
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName("@context");
			generator.writeStartObject();
			generator.writeStringProperty("dcat", DCAT);
			generator.writeStringProperty("dct", DCT);
			generator.writeStringProperty("foaf", FOAF);
			generator.writeEndObject();
			generator.writeStringProperty("@id", catalogUri);
			generator.writeStringProperty("@type", "dcat:Catalog");
			generator.writeStringProperty("dct:title", "数通共享数据资源目录 Shutong shared data catalogue");
			generator.writeName("dcat:dataset");
			generator.writeStartArray();
			String after = "";
			List<DataResource> page;
			do {
				page = this.resources.findPageAfter(after, PageRequest.of(0, PAGE));
				for (DataResource resource : page) {
					dataset(generator, resource);
					after = resource.code();
				}
				generator.flush();
			}
			while (page.size() == PAGE);
			generator.writeEndArray();
			generator.writeEndObject();
		}
	}

	private static void dataset(JsonGenerator generator, DataResource resource) {
		DataResource.Description description = resource.description();
		generator.writeStartObject();
		generator.writeStringProperty("@id", "urn:shutong:resource:" + resource.code());
		generator.writeStringProperty("@type", "dcat:Dataset");
		generator.writeStringProperty("dct:identifier", resource.code());
		generator.writeStringProperty("dct:title", description.name());
		generator.writeStringProperty("dct:description", description.text());
		generator.writeName("dct:publisher");
		generator.writeStartObject();
		generator.writeStringProperty("@type", "foaf:Organization");
		generator.writeStringProperty("dct:identifier", resource.providerCode());
		generator.writeEndObject();
		generator.writeStringProperty("dcat:theme", description.category());
		generator.writeName("dct:accessRights");
		generator.writeStartObject();
		generator.writeStringProperty("@id", ACCESS_RIGHTS + accessRights(resource.grading().sharingType()));
		generator.writeEndObject();
		generator.writeStringProperty("dct:modified", resource.createdAt().toString());
		generator.writeName("dcat:keyword");
		generator.writeStartArray();
		Set<String> keywords = new LinkedHashSet<>();
		for (DataItem item : resource.items()) {
			keywords.add(item.name());
		}
		for (String keyword : keywords) {
			generator.writeString(keyword);
		}
		generator.writeEndArray();
		generator.writeName("dcat:distribution");
		generator.writeStartObject();
		generator.writeStringProperty("@type", "dcat:Distribution");
		generator.writeName("dcat:accessURL");
		generator.writeStartObject();
		generator.writeStringProperty("@id", resource.endpoint().url());
		generator.writeEndObject();
		generator.writeEndObject();
		generator.writeEndObject();
	}

	/** The EU access-right vocabulary's words for the sharing types. */
	static String accessRights(SharingType sharingType) {
		return switch (sharingType) {
			case UNCONDITIONAL -> "PUBLIC";
			case CONDITIONAL -> "RESTRICTED";
			case NOT_SHARED -> "NON_PUBLIC";
		};
	}

}
