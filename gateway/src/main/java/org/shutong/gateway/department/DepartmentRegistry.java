package org.shutong.gateway.department;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.shutong.gateway.audit.AdminAudit;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DepartmentRegistry {

	private final DepartmentRepository departments;

	private final AdminAudit audit;

	private final Clock clock;

	DepartmentRegistry(DepartmentRepository departments, AdminAudit audit, Clock clock) {
		this.departments = departments;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Department register(String creditCode, String name, String region) {
		if (this.departments.existsById(creditCode)) {
			throw new ProblemException(PlatformProblem.CONFLICT,
					"A department with credit code " + creditCode + " is already registered.");
		}
		if (this.departments.existsByName(name)) {
			throw new ProblemException(PlatformProblem.CONFLICT,
					"A department named " + name + " is already registered.");
		}
		Department department = this.departments
			.save(new Department(new CreditCode(creditCode), name, region, this.clock.instant()));
		this.audit.changed(AdminAudit.DEPARTMENT_CREATE, "department/" + creditCode, null,
				Map.of("name", name, "region", region));
		return department;
	}

	@Transactional(readOnly = true)
	public List<Department> all() {
		return this.departments.findAll(Sort.by("creditCode"));
	}

	@Transactional(readOnly = true)
	public boolean exists(String creditCode) {
		return this.departments.existsById(creditCode);
	}

}
