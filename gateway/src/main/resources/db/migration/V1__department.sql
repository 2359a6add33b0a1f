-- Government departments (部门), identified by their unified social credit code (GB 32100).
CREATE TABLE department (
	credit_code CHAR(18) NOT NULL,
	name VARCHAR(200) NOT NULL,
	region VARCHAR(100) NOT NULL,
	created_at DATETIME(6) NOT NULL,
	PRIMARY KEY (credit_code),
	CONSTRAINT uk_department_name UNIQUE (name)
);
