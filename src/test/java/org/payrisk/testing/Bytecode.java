package org.payrisk.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the length of a method's bytecode from its compiled class file (The Java Virtual Machine
 * Specification, Java SE 17, section 4: the constant pool, then the methods' {@code Code} attributes),
 * the number {@code javap -c} shows as the offset after the last instruction. HotSpot's compilers decide
 * what to inline by this length, so tests can pin a method that the code keeps small, or large, on
 * purpose.
 */
public final class Bytecode {

    private Bytecode() {
    }

    /**
     * @param owner the class that declares the method (a nested class is read from its own class file)
     * @param method the method's name; it must not be overloaded
     * @return the length of its bytecode in bytes
     * @throws IllegalArgumentException if the class declares no method of that name, or more than one
     */
    public static int length(Class<?> owner, String method) throws IOException {
        String file = owner.getName().substring(owner.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream raw = owner.getResourceAsStream(file)) {
            if (raw == null) {
                throw new IOException("no class file " + file + " beside " + owner.getName());
            }
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException(file + " is not a class file");
            }
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            String[] utf8 = constantPoolStrings(in);
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipNBytes(6); // access flags, name, descriptor
                skipAttributes(in);
            }
            List<Integer> lengths = new ArrayList<>();
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.readUnsignedShort(); // access flags
                String name = utf8[in.readUnsignedShort()];
                in.readUnsignedShort(); // descriptor
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    long size = in.readInt() & 0xFFFFFFFFL;
                    if (attribute.equals("Code") && name.equals(method)) {
                        in.skipNBytes(4); // max stack, max locals
                        lengths.add(in.readInt());
                        in.skipNBytes(size - 8);
                    } else {
                        in.skipNBytes(size);
                    }
                }
            }
            if (lengths.size() != 1) {
                throw new IllegalArgumentException(owner.getName() + " has " + lengths.size() + " methods named "
                        + method + " with code: expected exactly one");
            }
            return lengths.get(0);
        }
    }

    /** Reads the constant pool; returns its UTF-8 entries by index (null elsewhere). */
    private static String[] constantPoolStrings(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // the class file's modified UTF-8 is DataInput's
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // Integer, Float, refs, NameAndType, dynamic
                case 5, 6 -> { // Long, Double: eight bytes, and they take two entries
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort(); // name
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}
