fn main() {
    println!("handover");
}
