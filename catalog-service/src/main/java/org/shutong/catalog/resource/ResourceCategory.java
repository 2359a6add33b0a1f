package org.shutong.catalog.resource;

/**
 * The closed list of catalogue categories (资源分类), by sector. The constant's name is the
 * category's code: two upper-case letters (the pinyin initials of the sector), used in
 * requests, listings and as the first part of every resource code.
 */
public enum ResourceCategory {

	GA("公安"), MZ("民政"), RS("人力资源和社会保障"), SC("市场监督管理"), WJ("卫生健康"), JY("教育"), ZJ("住房和城乡建设"), ZR("自然资源"), SW("税务"),
	JT("交通运输"), ST("生态环境"), SF("司法"), TJ("统计"), CZ("财政"), QT("其他");

	private final String label;

	ResourceCategory(String label) {
		this.label = label;
	}

	/** The sector's Chinese name. */
	public String label() {
		return this.label;
	}

}
