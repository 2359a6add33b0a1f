package org.shutong.gateway.department;

import java.util.List;

import org.springframework.data.domain.Sort;

import org.springframework.data.repository.Repository;

public interface DepartmentRepository extends Repository<Department, String> {

	Department save(Department department);

	List<Department> findAllByOrderByName();

	List<Department> findAll(Sort sort);

	boolean existsById(String creditCode);

	boolean existsByName(String name);

}
