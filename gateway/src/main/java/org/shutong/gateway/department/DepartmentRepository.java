package org.shutong.gateway.department;

import java.util.List;

import org.springframework.data.repository.Repository;

public interface DepartmentRepository extends Repository<Department, String> {

	Department save(Department department);

	List<Department> findAllByOrderByName();

	boolean existsByName(String name);

}
