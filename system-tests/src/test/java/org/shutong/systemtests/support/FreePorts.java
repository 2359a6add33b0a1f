package org.shutong.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports nobody listens on at the moment, so that the tests never collide with another run
 * of the platform on the same machine.
 */
final class FreePorts {

	private FreePorts() {
	}

	/**
	 * Holds all sockets open until each has its port, so that the ports differ.
	 */
	static List<Integer> find(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0));
			}
			return sockets.stream().map(ServerSocket::getLocalPort).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// Closing a socket that never served anyone.
				}
			}
		}
	}

}
