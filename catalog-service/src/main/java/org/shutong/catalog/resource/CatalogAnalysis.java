package org.shutong.catalog.resource;

import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzer of the catalogue's texts: Chinese as overlapping character pairs (婚姻登记 →
 * 婚姻 姻登 登记), so any word of two or more characters matches without a dictionary; Latin
 * words lower-cased and stemmed (registrations → registr). Full-width letters and
 * half-width katakana are folded first.
 */
public class CatalogAnalysis implements LuceneAnalysisConfigurer {

	/** The name the mapping and the queries use. */
	public static final String ANALYZER = "catalog";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(ANALYZER)
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(CJKWidthFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(CJKBigramFilterFactory.class)
			.tokenFilter(PorterStemFilterFactory.class);
	}

}
