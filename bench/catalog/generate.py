"""Writes SQL for a generated catalogue: N current resources of 3 providers, 5 data items each,
names and descriptions drawn from Chinese and English government-data vocabulary."""
import random
import sys

n = int(sys.argv[1])
random.seed(20261123)
providers = ["11330100002482100A", "113301000024825001", "113301000024828002"]
categories = ["GA", "MZ", "RS", "SC", "WJ", "JY", "ZJ", "ZR", "SW", "JT", "ST", "SF", "TJ", "CZ", "QT"]
subjects = ["婚姻登记", "户籍", "营业执照", "社会保险", "不动产登记", "医疗机构", "学历学位", "住房公积金", "纳税",
            "机动车", "驾驶证", "出生医学证明", "残疾人证", "低保", "养老金", "食品经营许可", "企业年报", "法人",
            "公积金缴存", "居住证", "殡葬", "收养登记", "社会组织", "药品许可", "建筑资质", "环境监测", "司法鉴定"]
kinds = ["信息", "记录", "查询", "核验", "目录", "统计", "明细", "证照"]
english = ["marriage registration", "household register", "business licence", "social insurance",
           "real estate", "medical institution", "degree", "housing fund", "tax payment", "vehicle",
           "driving licence", "birth certificate", "pension", "food licence", "annual report"]
items = ["姓名", "身份证号", "统一社会信用代码", "登记日期", "登记机关", "状态", "地址", "联系电话", "有效期",
         "证书编号", "name", "id number", "status", "issue date"]


def q(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


print("SET autocommit=0;")
for start in range(0, n, 500):
    resources, rows = [], []
    for i in range(start, min(n, start + 500)):
        rid = i + 1
        provider = providers[i % 3]
        category = random.choice(categories)
        subject = random.choice(subjects)
        name = subject + random.choice(kinds) + (" " + random.choice(english).title() if random.random() < 0.5 else "")
        description = "提供" + subject + "相关的" + random.choice(kinds) + "，" + random.choice(subjects) + "业务使用。" + \
            ("Shared for " + random.choice(english) + "." if random.random() < 0.5 else "")
        code = "%s-%s-%06d" % (category, provider, rid)
        resources.append("(%d,%s,1,%s,%s,%s,%s,%d,%s,NULL,'OPEN',%s,'https://data.example.gov.cn/q','POST','ACTIVE','2026-11-01 00:00:00',TRUE)" % (
            rid, q(code), q(provider), q(name), q(description), q(category), random.randint(1, 4),
            q(random.choice(["UNCONDITIONAL", "CONDITIONAL"])), q(random.choice(["DAILY", "MONTHLY", "REALTIME"]))))
        for position, item in enumerate(random.sample(items, 5)):
            rows.append("(%d,%d,%s,'string',NULL,%s)" % (rid, position, q(item), "TRUE" if position < 2 else "FALSE"))
    print("INSERT INTO data_resource (id, code, version, provider_code, name, description, category, security_level,"
          " sharing_type, sharing_condition, open_type, update_cycle, endpoint_url, endpoint_method, status, created_at,"
          " is_current)"
          " VALUES " + ",".join(resources) + ";")
    print("INSERT INTO data_item (resource_id, position, name, type, description, is_sensitive) VALUES " + ",".join(rows) + ";")
print("COMMIT;")
